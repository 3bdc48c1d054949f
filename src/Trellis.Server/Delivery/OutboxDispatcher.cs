using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Delivers the outbox. Claims due entries with a lease — only as many as there are free send slots, so nothing
/// claimed waits behind a slow provider — checks the claimed batch at once (<see cref="OutboxEntryDelivery.PrepareAsync"/>)
/// and delivers its entries in parallel (<see cref="DeliveryOptions.Concurrency"/>); outcomes are recorded in
/// batches (<see cref="OutboxMarkBatcher"/>).
/// With nothing due it sleeps until the earliest entry becomes due (a retry, an expiring lease) or a signal,
/// at most <see cref="DeliveryOptions.MaxIdle"/>. The store's claim gives each entry to one dispatcher at a time,
/// across processes; its send key is unique; and the idempotency key goes to providers, so each logical send is
/// delivered once even when a dispatcher dies between sending and recording.
/// </summary>
public sealed class OutboxDispatcher(
    ITrellisStore store,
    OutboxEntryDelivery delivery,
    OutboxSignal signal,
    DeliveryStats stats,
    DeliveryOptions options,
    IClock clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(500);

    // When claims come back empty although something is due (another dispatcher was faster), don't spin.
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(20);

    // Short next to a send (milliseconds against an SMTP server, more to an HTTP API), long next to a slot freeing up.
    private static readonly TimeSpan BatchWait = TimeSpan.FromMilliseconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = Math.Max(1, options.Concurrency);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var inFlight = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < concurrency && slots.Wait(0))
                {
                    free++;
                }

                free = await GatherSlotsAsync(slots, free, concurrency, stoppingToken);

                IReadOnlyList<OutboxEntry> claimed;
                try
                {
                    claimed = await store.Outbox.ClaimAsync(clock.GetCurrentInstant(), free, Duration.FromTimeSpan(options.Lease), stoppingToken);
                }
                catch (StorageException e)
                {
                    slots.Release(free);
                    logger.LogWarning(e, "Outbox claim failed; trying again shortly");
                    await Task.Delay(ErrorPause, stoppingToken);
                    continue;
                }

                if (claimed.Count < free)
                {
                    slots.Release(free - claimed.Count);
                }

                if (claimed.Count == 0)
                {
                    await SleepAsync(stoppingToken);
                    continue;
                }

                stats.RecordClaim();
                ClaimedSend[] sends;
                try
                {
                    sends = await delivery.PrepareAsync(claimed, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Contained as a failed send is: the entries stay leased and are claimed again when the lease ends.
                    slots.Release(claimed.Count);
                    logger.LogError(e, "Reading a claimed outbox batch failed; its {Count} entries will be tried again after their lease", claimed.Count);
                    await Task.Delay(ErrorPause, stoppingToken);
                    continue;
                }

                lock (inFlight)
                {
                    inFlight.RemoveWhere(t => t.IsCompleted);
                    foreach (var send in sends)
                    {
                        inFlight.Add(DeliverAndReleaseAsync(send, slots, stoppingToken));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: sends in flight are cancelled and hand their entries back (see OutboxEntryDelivery).
        }

        Task[] remaining;
        lock (inFlight)
        {
            remaining = inFlight.ToArray();
        }

        await Task.WhenAll(remaining);
    }

    /// <summary>
    /// With sends in flight, waits briefly (at most <see cref="BatchWait"/>) for a quarter of the slots to be free,
    /// so that one claim, one guard read and one batch of marks serve several sends instead of one each: at a
    /// steady flow, slots come back one at a time. Never waits when everything is free (an idle dispatcher sends
    /// a new entry at once) or when a single slot is all there is.
    /// </summary>
    private static async Task<int> GatherSlotsAsync(SemaphoreSlim slots, int free, int concurrency, CancellationToken stoppingToken)
    {
        var target = Math.Max(1, concurrency / 4);
        if (free >= target)
        {
            return free;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (free < target)
        {
            var left = BatchWait - waited.Elapsed;
            if (left <= TimeSpan.Zero || !await slots.WaitAsync(left, stoppingToken))
            {
                break;
            }

            free++;
        }

        return free;
    }

    private async Task DeliverAndReleaseAsync(ClaimedSend send, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once: the loop must not wait for the first await of a send.
        await Task.Yield();
        var entry = send.Entry;
        try
        {
            await delivery.DeliverAsync(send, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Contained: the entry stays leased and is claimed again when the lease ends.
            logger.LogError(e, "Delivering outbox entry {Id} failed; it will be tried again after its lease", entry.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task SleepAsync(CancellationToken stoppingToken)
    {
        var sleep = options.MaxIdle;
        try
        {
            if (await store.Outbox.EarliestDueAsync(stoppingToken) is { } due)
            {
                var untilDue = (due - clock.GetCurrentInstant()).ToTimeSpan();
                sleep = untilDue < MinimumSleep ? MinimumSleep : untilDue < sleep ? untilDue : sleep;
            }
        }
        catch (StorageException e)
        {
            logger.LogWarning(e, "Could not read when the next outbox entry is due");
        }

        await signal.WaitAsync(sleep, stoppingToken);
    }
}
