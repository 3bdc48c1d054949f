using NodaTime;
using Trellis.Server.Dashboard.Activity;
using Trellis.Storage;

namespace Trellis.Dashboard.Tests.Activity;

/// <summary>Which commits the counters take live while the start-up recount runs: each line is counted once.</summary>
public sealed class JourneyActivityTests
{
    private static readonly WorkspaceId Workspace = new("w");

    private static PersonChanges Enter(string person) => new()
    {
        Workspace = Workspace,
        PersonId = person,
        State = [],
        ProcessedThrough = 1,
        Trace = [new TraceEntry(Instant.FromUtc(2026, 3, 2, 9, 0), "enter", "j", null, "{}")],
    };

    private static long Entrants(JourneyActivity activity) => activity.For(Workspace).Snapshot("j", null).Report.Entrants;

    [Fact]
    public async Task Before_the_recount_starts_commits_are_left_to_it_then_people_it_passed_are_counted_live()
    {
        var activity = new JourneyActivity();
        activity.Committed([Enter("b")]);
        Assert.Equal(0, Entrants(activity)); // the recount will read it from the store

        await activity.BeginRebuildAsync(() => Task.FromResult<IReadOnlyList<WorkspaceId>>([Workspace]), CancellationToken.None);
        var progress = activity.Progress(Workspace)!;
        activity.Committed([Enter("a")]);
        Assert.Equal(0, Entrants(activity));

        progress.After = "b";
        activity.Committed([Enter("a"), Enter("b"), Enter("c")]);
        Assert.Equal(2, Entrants(activity)); // a and b: passed; c: still ahead of the recount

        await activity.RebuildBatchAsync(() =>
        {
            progress.Done = true;
            return Task.CompletedTask;
        }, CancellationToken.None);
        activity.FinishRebuild();
        Assert.True(activity.IsComplete);
        activity.Committed([Enter("z")]);
        Assert.Equal(3, Entrants(activity));
    }

    [Fact]
    public async Task A_workspace_created_after_the_recount_started_is_counted_live()
    {
        var activity = new JourneyActivity();
        await activity.BeginRebuildAsync(() => Task.FromResult<IReadOnlyList<WorkspaceId>>([]), CancellationToken.None);
        activity.Committed([Enter("a")]);
        Assert.Equal(1, Entrants(activity));
    }

    [Fact]
    public async Task A_commit_waits_for_a_recount_batch_in_progress()
    {
        var activity = new JourneyActivity();
        await activity.BeginRebuildAsync(() => Task.FromResult<IReadOnlyList<WorkspaceId>>([Workspace]), CancellationToken.None);
        var inBatch = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var batch = activity.RebuildBatchAsync(async () =>
        {
            inBatch.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await inBatch.Task;
        var committed = false;
        var commit = activity.CommitAsync(() =>
        {
            committed = true;
            return Task.CompletedTask;
        }, () => [], CancellationToken.None);
        await Task.Delay(100);
        Assert.False(committed);
        release.SetResult();
        await batch;
        await commit;
        Assert.True(committed);
    }
}
