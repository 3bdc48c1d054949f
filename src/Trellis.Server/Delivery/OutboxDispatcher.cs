using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Delivers the outbox. A claiming loop claims due entries with a lease — only as many as there is room for:
/// <see cref="DeliveryOptions.Concurrency"/> sends in flight plus a few claimed ahead (<see cref="ClaimAhead"/>),
/// so a free send slot finds its next entry ready instead of waiting for a claim and its guard read, and
/// nothing claimed waits behind a slow provider for longer than the sends ahead of it — checks the claimed
/// batch at once (<see cref="OutboxEntryDelivery.PrepareAsync"/>) and hands its entries to long-lived send
/// loops, one per slot, which take the next entry without a thread-pool hop when one is ready. A slot is free
/// again as soon as the provider has answered; the outcome is recorded in batches (<see cref="OutboxMarkBatcher"/>)
/// while the slot already sends the next entry. Entries settled without a provider (in-app messages the store
/// delivers, entries given up or cancelled) skip the slots on SQLite: one store lane records them in claim order, and
/// after a claim of nothing else the next claim may take up to <see cref="StoreClaim"/> entries.
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

    // Outcomes one send loop may have waiting for their batch before it waits for the oldest: bounds the entries
    // sent but not yet recorded (at most this many per slot) when the store falls behind the provider.
    private const int MaxUnrecordedPerSlot = 4;

    /// <summary>
    /// Entries claimed ahead of the free slots: as many as the slots (at least two), so that the sends finishing
    /// while the dispatcher gathers room for a claim (<see cref="ClaimBatch"/>) and while that claim and its guard
    /// read are under way find their next entry waiting.
    /// </summary>
    public static int ClaimAhead(int concurrency) => Math.Max(2, concurrency);

    /// <summary>
    /// The room a claim waits for (at most <see cref="BatchWait"/>) while entries are still waiting for a slot: half
    /// the slots, so one claim, its guard reads and its commit serve more sends (measured: 4.5 per claim at ×8, 18 at
    /// ×32, against 3 and 12 with a quarter; BENCHMARKS.md). The entries claimed ahead keep the slots busy meanwhile.
    /// </summary>
    public static int ClaimBatch(int concurrency) => Math.Max(1, concurrency / 2);

    /// <summary>
    /// On SQLite, the most entries one claim takes after a claim that held only entries settled without a provider
    /// (in-app messages the store delivers itself, entries given up or cancelled): those need no send slot, and
    /// claiming them by the slots' room made in-app delivery one claim transaction per 16 messages, each a turn of
    /// the one write gate that ingestion and the engine wait for (BENCHMARKS.md). A provider entry in such a claim
    /// waits for a slot like any other; the next claim is back to the slots' room. <see cref="DeliveryOptions.SettledClaim"/>
    /// overrides it; on PostgreSQL the default is 0: no store lane, every entry through the slots as before.
    /// </summary>
    public const int StoreClaim = 256;

    // How often a claim waiting for the store lane to catch up looks again.
    private static readonly TimeSpan SettledPoll = TimeSpan.FromMilliseconds(1);

    // Outcomes the store lane may have waiting for their batch: one mark batch's worth (OutboxMarkBatcher).
    private const int MaxUnrecordedInStoreLane = 512;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = Math.Max(1, options.Concurrency);
        var capacity = concurrency + ClaimAhead(concurrency);
        using var room = new SemaphoreSlim(capacity, capacity);
        var ready = Channel.CreateUnbounded<ClaimedSend>(new UnboundedChannelOptions { SingleWriter = true });
        var settled = Channel.CreateUnbounded<ClaimedSend>(new UnboundedChannelOptions { SingleWriter = true });
        var sendLoops = new Task[concurrency + 1];
        for (var i = 0; i < concurrency; i++)
        {
            sendLoops[i] = Task.Run(() => SendLoopAsync(ready.Reader, room, MaxUnrecordedPerSlot, stoppingToken), CancellationToken.None);
        }

        // The store lane: entries settled without a provider, one after another, holding no slot.
        sendLoops[concurrency] = Task.Run(() => SendLoopAsync(settled.Reader, null, MaxUnrecordedInStoreLane, stoppingToken), CancellationToken.None);

        // The store does not change while the dispatcher runs: the lane's claim size is settled once.
        var settledClaim = options.SettledClaim ?? (store.SerializesWrites ? StoreClaim : 0);
        try
        {
            await ClaimLoopAsync(ready, settled, settledClaim, room, concurrency, capacity, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: entries already claimed are handed to the send loops, which hand them back (see OutboxEntryDelivery).
        }
        finally
        {
            ready.Writer.TryComplete();
            settled.Writer.TryComplete();
        }

        await Task.WhenAll(sendLoops);
    }

    private async Task ClaimLoopAsync(
        Channel<ClaimedSend> ready, Channel<ClaimedSend> settled, int settledClaim, SemaphoreSlim room, int concurrency, int capacity,
        CancellationToken stoppingToken)
    {
        var lastClaimSettledOnly = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            await room.WaitAsync(stoppingToken);
            var free = 1;
            while (free < capacity && room.Wait(0))
            {
                free++;
            }

            // While entries are still waiting for a slot there is time to gather a fuller claim; when none is,
            // a slot is idle and the claim goes at once.
            if (ready.Reader.Count > 0)
            {
                free = await GatherRoomAsync(room, free, ClaimBatch(concurrency), stoppingToken);
            }

            // The store lane holds at most one large claim's worth waiting: a small claim while it is behind would be
            // one more transaction for the few entries the slots have room for.
            while (settledClaim > 0 && settled.Reader.Count >= settledClaim)
            {
                await Task.Delay(SettledPoll, stoppingToken);
            }

            var wanted = lastClaimSettledOnly ? Math.Max(free, settledClaim) : free;
            IReadOnlyList<OutboxEntry> claimed;
            try
            {
                claimed = await store.Outbox.ClaimAsync(clock.GetCurrentInstant(), wanted, Duration.FromTimeSpan(options.Lease), stoppingToken);
            }
            catch (StorageException e)
            {
                room.Release(free);
                logger.LogWarning(e, "Outbox claim failed; trying again shortly");
                await Task.Delay(ErrorPause, stoppingToken);
                continue;
            }

            if (claimed.Count == 0)
            {
                room.Release(free);
                lastClaimSettledOnly = false;
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
                room.Release(free);
                logger.LogError(e, "Reading a claimed outbox batch failed; its {Count} entries will be tried again after their lease", claimed.Count);
                await Task.Delay(ErrorPause, stoppingToken);
                continue;
            }

            // Each entry for a provider takes one unit of room, which its slot gives back; a claim larger than the
            // room (after a settled-only one) waits for slots to free up. Settled entries take none.
            var held = free;
            var forProviders = 0;
            foreach (var send in sends)
            {
                if (settledClaim > 0 && delivery.NeedsNoProvider(send))
                {
                    settled.Writer.TryWrite(send);
                    continue;
                }

                forProviders++;
                if (held > 0)
                {
                    held--;
                }
                else
                {
                    // Not the stopping token: after a stop the slots still hand back what is ready and free their room.
                    await room.WaitAsync(CancellationToken.None);
                }

                ready.Writer.TryWrite(send);
            }

            if (held > 0)
            {
                room.Release(held);
            }

            lastClaimSettledOnly = forProviders == 0;
        }
    }

    /// <summary>
    /// Waits briefly (at most <see cref="BatchWait"/>) for room for <paramref name="target"/> entries, so that one
    /// claim, one guard read and one batch of marks serve several sends instead of one each: at a steady flow,
    /// sends finish one at a time. Only called while claimed entries are waiting for a slot, so no slot idles.
    /// </summary>
    private static async Task<int> GatherRoomAsync(SemaphoreSlim room, int free, int target, CancellationToken stoppingToken)
    {
        if (free >= target)
        {
            return free;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (free < target)
        {
            var left = BatchWait - waited.Elapsed;
            if (left <= TimeSpan.Zero || !await room.WaitAsync(left, stoppingToken))
            {
                break;
            }

            free++;
        }

        return free;
    }

    /// <summary>
    /// One send slot: takes the next ready entry, sends it, and frees its room as soon as the provider has answered
    /// (the store lane runs the same loop with no room). The outcome's recording goes on without the slot; the loop
    /// keeps at most <paramref name="maxUnrecorded"/> of them open and waits for all of them before it ends. After the
    /// dispatcher stops, what is still ready is taken too: with the stopping token cancelled, each entry is handed back
    /// to the store rather than left leased.
    /// </summary>
    private async Task SendLoopAsync(ChannelReader<ClaimedSend> ready, SemaphoreSlim? room, int maxUnrecorded, CancellationToken stoppingToken)
    {
        var recording = new List<(Task Recorded, long Id)>(maxUnrecorded);
        while (await ready.WaitToReadAsync(CancellationToken.None))
        {
            while (ready.TryRead(out var send))
            {
                var recorded = Task.CompletedTask;
                try
                {
                    recorded = await delivery.SendAsync(send, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    // Contained: the entry stays leased and is claimed again when the lease ends.
                    logger.LogError(e, "Delivering outbox entry {Id} failed; it will be tried again after its lease", send.Entry.Id);
                }
                finally
                {
                    room?.Release();
                }

                recording.Add((recorded, send.Entry.Id));
                DropRecorded(recording);
                if (recording.Count >= maxUnrecorded)
                {
                    await WaitRecordedAsync(recording[0]);
                    recording.RemoveAt(0);
                }
            }
        }

        foreach (var open in recording)
        {
            await WaitRecordedAsync(open);
        }
    }

    private async Task WaitRecordedAsync((Task Recorded, long Id) open)
    {
        try
        {
            await open.Recorded;
        }
        catch (Exception)
        {
            // Observed (and logged) below.
        }

        Observe(open.Recorded, open.Id);
    }

    /// <summary>Removes (and observes) the recordings that have completed, keeping the rest in order; no delegate per call.</summary>
    private void DropRecorded(List<(Task Recorded, long Id)> recording)
    {
        var kept = 0;
        for (var i = 0; i < recording.Count; i++)
        {
            if (recording[i].Recorded.IsCompleted)
            {
                Observe(recording[i].Recorded, recording[i].Id);
            }
            else
            {
                recording[kept++] = recording[i];
            }
        }

        recording.RemoveRange(kept, recording.Count - kept);
    }

    /// <summary>Logs a recording that failed: the entry stays leased and is claimed again when the lease ends.</summary>
    private void Observe(Task recorded, long id)
    {
        if (recorded.IsFaulted)
        {
            logger.LogError(recorded.Exception.GetBaseException(), "Recording the outcome of outbox entry {Id} failed; it will be tried again after its lease", id);
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
