using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Delivers the outbox. Claims due entries with a lease — only as many as there are free send slots, so nothing
/// claimed waits behind a slow provider — and delivers them in parallel (<see cref="DeliveryOptions.Concurrency"/>).
/// With nothing due it sleeps until the earliest entry becomes due (a retry, an expiring lease) or a signal,
/// at most <see cref="DeliveryOptions.MaxIdle"/>. The store's claim gives each entry to one dispatcher at a time,
/// across processes; its send key is unique; and the idempotency key goes to providers, so each logical send is
/// delivered once even when a dispatcher dies between sending and recording.
/// </summary>
public sealed class OutboxDispatcher(
    ITrellisStore store,
    OutboxEntryDelivery delivery,
    OutboxSignal signal,
    DeliveryOptions options,
    IClock clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(500);

    // When claims come back empty although something is due (another dispatcher was faster), don't spin.
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(20);

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

                lock (inFlight)
                {
                    inFlight.RemoveWhere(t => t.IsCompleted);
                    foreach (var entry in claimed)
                    {
                        inFlight.Add(DeliverAndReleaseAsync(entry, slots, stoppingToken));
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

    private async Task DeliverAndReleaseAsync(OutboxEntry entry, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once: the loop must not wait for the first await of a send.
        await Task.Yield();
        try
        {
            await delivery.DeliverAsync(entry, stoppingToken);
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
