using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Processing;

/// <summary>
/// The real-time loop of <c>trellis serve</c>: claims people with new events or due timers, runs the engine,
/// commits state and effects together, and sleeps exactly until the next wake — or less, when an event or
/// another process's work arrives (capped at <see cref="MaxSleep"/> so that timers written by other processes
/// are seen within a second). Several processes on one PostgreSQL share the work through the store's claims.
/// </summary>
public sealed class EngineWorker(
    ITrellisStore store,
    WorkspaceContentRegistry registry,
    WorkSignal signal,
    SendComposer composer,
    EngineWorkerStats stats,
    TimeProvider clock,
    ILogger<EngineWorker> logger,
    Delivery.OutboxSignal? outbox = null,
    EngineBacklog? backlog = null) : BackgroundService
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// People per claim. Large batches amortise the transaction and, on SQLite, the single write lock that
    /// ingestion competes for: 2048 doubled engine throughput and cut p99 accept→outbox from ~15 s to ~1 s
    /// against 256 in the saturated ingest benchmark (BENCHMARKS.md).
    /// </summary>
    public int BatchSize { get; init; } = 2048;

    /// <summary>
    /// Below this many claimed people a batch runs on the worker's own thread: spreading a handful of people
    /// over threads costs more than it saves.
    /// </summary>
    public const int ParallelThreshold = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ProcessedBatch? ready = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    ready = await StepAsync(ready, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // Contained: StepAsync disposed what it held, so the claims rolled back and are retried; the
                    // loop itself never dies.
                    ready = null;
                    stats.Failure();
                    logger.LogError(e, "engine batch failed; it will be retried");
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                }
            }
        }
        finally
        {
            if (ready is not null)
            {
                await ready.Unit.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// One turn of the pipeline: claim the next batch, run the engine for it while the previous batch (already
    /// decided) commits, and hand the new batch back to be committed during the next turn. Claim and commit
    /// never overlap (the next claim must see the previous commit); the engine's CPU work overlaps the commit's
    /// I/O and, on SQLite, ingestion's writes, since a claim there holds no write transaction. With no new work
    /// the ready batch is committed at once, so a lone event waits for one extra (empty) claim, not for traffic.
    /// On failure everything held is disposed (rolled back, claimable again) before the exception leaves.
    /// </summary>
    private async Task<ProcessedBatch?> StepAsync(ProcessedBatch? ready, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        IWorkUnit? unit = null;
        Task<ProcessedBatch>? processing = null;
        try
        {
            var acceptedBeforeClaim = backlog?.AcceptedSoFar ?? 0;
            unit = await store.Work.ClaimAsync(now, BatchSize, cancellationToken);
            stats.Claimed(unit.Persons.Count, BatchSize);
            if (unit.Persons.Count < BatchSize)
            {
                // Caught up: what was accepted before this claim is committed, in the batch still to commit, or
                // in this claim. Re-basing here keeps ingestion's backpressure estimate from drifting.
                backlog?.CaughtUp(acceptedBeforeClaim, EventsOf(unit) + (ready is null ? 0 : EventsOf(ready.Unit)));
            }
            if (unit.Persons.Count == 0)
            {
                await unit.DisposeAsync();
                unit = null;
                if (ready is null)
                {
                    await signal.WaitAsync(await SleepAsync(cancellationToken), cancellationToken);
                    return null;
                }

                var previous = ready;
                ready = null;
                await CommitAsync(previous, cancellationToken);
                return null;
            }

            var runtimes = new WorkspaceRuntime[unit.Persons.Count];
            for (var i = 0; i < runtimes.Length; i++)
            {
                runtimes[i] = await registry.GetAsync(unit.Persons[i].Workspace, cancellationToken);
            }

            var claimed = unit;
            if (ready is null)
            {
                var batch = Process(claimed, runtimes, now);
                unit = null;
                return batch;
            }

            processing = Task.Run(() => Process(claimed, runtimes, now), CancellationToken.None);
            var committing = ready;
            ready = null;
            await CommitAsync(committing, cancellationToken);
            var processed = await processing;
            unit = null;
            return processed;
        }
        catch
        {
            if (processing is not null)
            {
                // Let the engine finish with the unit's persons before the unit is released.
                await processing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            if (unit is not null)
            {
                await unit.DisposeAsync();
            }

            if (ready is not null)
            {
                await ready.Unit.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Commits a decided batch and counts what was written; the unit is disposed either way.</summary>
    private async Task CommitAsync(ProcessedBatch batch, CancellationToken cancellationToken)
    {
        await using var unit = batch.Unit;
        await unit.CommitAsync(cancellationToken);
        var committedAt = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var superseded = unit.Superseded;
        int events = 0, sends = 0;
        for (var i = 0; i < batch.Changes.Length; i++)
        {
            if (superseded.Count > 0 && superseded.Contains(new PersonKey(batch.Changes[i].Workspace, batch.Changes[i].PersonId)))
            {
                continue;
            }

            var person = unit.Persons[i];
            events += person.Events.Count;
            sends += batch.SendCounts[i];
            foreach (var e in person.Events)
            {
                stats.EventDelay.Record(committedAt - e.ReceivedAt);
            }

            if (person.NextWakeAt is { } due && due <= batch.ClaimedAt)
            {
                stats.TimerLag.Record(committedAt - due);
            }
        }

        stats.Batch(unit.Persons.Count - superseded.Count, events, sends, superseded.Count);
        backlog?.Processed(events);
        if (sends > 0)
        {
            outbox?.Notify(); // the dispatcher delivers at once instead of at its next idle check
        }
    }

    /// <summary>
    /// Runs the engine for every claimed person, on all cores for a large batch. People are independent (the
    /// engine and the send path are thread-safe for different people; each thread has its own processor). The
    /// results keep claim order.
    /// </summary>
    private ProcessedBatch Process(IWorkUnit unit, WorkspaceRuntime[] runtimes, Instant now)
    {
        var persons = unit.Persons;
        var changes = new PersonChanges[persons.Count];
        var sendCounts = new int[persons.Count];
        var batch = new ProcessedBatch(unit, changes, sendCounts, now);
        if (persons.Count < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            var processor = new PersonProcessor(composer);
            for (var i = 0; i < persons.Count; i++)
            {
                changes[i] = processor.Process(persons[i], runtimes[i], now, out sendCounts[i]);
            }

            return Recorded(batch);
        }

        Parallel.For(
            0,
            persons.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new PersonProcessor(composer),
            (i, _, processor) =>
            {
                changes[i] = processor.Process(persons[i], runtimes[i], now, out sendCounts[i]);
                return processor;
            },
            _ => { });
        return Recorded(batch);
    }

    /// <summary>
    /// Records the decided changes in their unit here, while the previous batch commits, and not on the commit's
    /// own path: recording normalizes each person's changes and encodes their trace rows, and on the commit path
    /// that work held up every batch (measured: BENCHMARKS.md, eighth measurement). A unit is recorded into only by
    /// the task processing it, and only committed after that task ends.
    /// </summary>
    private static ProcessedBatch Recorded(ProcessedBatch batch)
    {
        for (var i = 0; i < batch.Changes.Length; i++)
        {
            batch.Unit.Record(batch.Changes[i]);
        }

        return batch;
    }

    private static long EventsOf(IWorkUnit unit)
    {
        long events = 0;
        for (var i = 0; i < unit.Persons.Count; i++)
        {
            events += unit.Persons[i].Events.Count;
        }

        return events;
    }

    /// <summary>A claimed batch the engine has decided for, in claim order, waiting for its commit.</summary>
    private sealed record ProcessedBatch(IWorkUnit Unit, PersonChanges[] Changes, int[] SendCounts, Instant ClaimedAt);

    private async Task<TimeSpan> SleepAsync(CancellationToken cancellationToken)
    {
        var earliest = await store.Work.EarliestWakeAsync(cancellationToken);
        if (earliest is not { } wake)
        {
            return MaxSleep;
        }

        var until = wake.ToDateTimeOffset() - clock.GetUtcNow();
        return until < MaxSleep ? until : MaxSleep;
    }
}
