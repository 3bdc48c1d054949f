using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// Recounts the dashboard's counters from the store once at start, in the background: every person's trace, in
/// the order the store lists people, a batch at a time. Pages work meanwhile and say how far it is. A storage
/// failure is retried from where it stopped. The engine comes first: while it has a backlog (say, a restart with
/// a million timers due) the recount holds back, moving on by one batch per <see cref="MaxDeferral"/>.
/// </summary>
public sealed class ActivityRebuilder(ITrellisStore store, JourneyActivity activity, EngineWorkerStats engine, ILogger<ActivityRebuilder> logger) : BackgroundService
{
    /// <summary>People per batch: small, because engine commits wait while a batch is read.</summary>
    public const int BatchSize = 100;

    /// <summary>The longest a batch waits for the engine's backlog to clear, so the counts still complete under sustained load.</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan BacklogPoll = TimeSpan.FromMilliseconds(50);

    private const int TracePage = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecountAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Never take the server down over the dashboard: count live from here on, and say the counts are partial.
            logger.LogError(e, "Dashboard recount failed; counts show only what happens from now on.");
            activity.AbandonRebuild(e.Message);
        }
    }

    private async Task RecountAsync(CancellationToken stoppingToken)
    {
        // Let the server finish starting before the recount competes with it for the database.
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        await RetryingAsync(() => activity.BeginRebuildAsync(ListWorkspacesAsync, stoppingToken), stoppingToken);
        var workspaces = await store.Workspaces.ListAsync(stoppingToken);
        long people = 0;
        foreach (var workspace in workspaces)
        {
            if (activity.Progress(workspace.Id) is not { } progress)
            {
                continue;
            }

            while (!progress.Done && !stoppingToken.IsCancellationRequested)
            {
                await GiveWayToTheEngineAsync(stoppingToken);
                await RetryingAsync(() => activity.RebuildBatchAsync(() => RecountBatchAsync(workspace.Id, progress, stoppingToken), stoppingToken), stoppingToken);
            }

            people += progress.People;
        }

        activity.FinishRebuild();
        logger.LogInformation("Dashboard counters recounted from {People} people in {Seconds:0.0} s.", people, watch.Elapsed.TotalSeconds);
    }

    private async Task GiveWayToTheEngineAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (engine.Backlogged && waited < MaxDeferral)
        {
            await Task.Delay(BacklogPoll, cancellationToken);
            waited += BacklogPoll;
        }
    }

    private async Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync() =>
        (await store.Workspaces.ListAsync()).Select(w => w.Id).ToList();

    /// <summary>Runs inside the activity's section: lists the next people and counts their whole trace.</summary>
    private async Task RecountBatchAsync(WorkspaceId workspace, RebuildProgress progress, CancellationToken cancellationToken)
    {
        var page = await store.Persons.ListProfilesAsync(workspace, progress.After, BatchSize, cancellationToken);
        if (page.Count == 0)
        {
            // Marked inside the section: a commit for a person created after the last page is counted live.
            progress.Done = true;
            return;
        }

        var counters = activity.For(workspace);
        var lines = new List<TraceEntry>();
        foreach (var profile in page)
        {
            lines.Clear();
            long after = 0;
            while (true)
            {
                var trace = await store.Persons.ReadTraceAsync(workspace, profile.PersonId, after, TracePage, cancellationToken);
                lines.AddRange(trace.Select(t => t.Entry));
                if (trace.Count < TracePage)
                {
                    break;
                }

                after = trace[^1].Sequence;
            }

            counters.Apply(profile.PersonId, lines);
        }

        progress.After = page[^1].PersonId;
        progress.People += page.Count;
    }

    private async Task RetryingAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (StorageException e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Dashboard recount: storage failed (attempt {Attempt}); retrying.", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), cancellationToken);
            }
        }
    }
}
