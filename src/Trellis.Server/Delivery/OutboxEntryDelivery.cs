using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Channels;
using Trellis.Channels.InApp;
using Trellis.Core.Journeys;
using Trellis.Server.Delivery.Guardrails;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Delivers claimed outbox entries and records what happened, with the entry's lease token:
/// sent; failed for good (a render error, a permanent provider refusal, retries used up — the reason is stored
/// with the entry); put back for a later attempt (transient, with backoff and the provider's Retry-After); or
/// cancelled because the address was suppressed, consent withdrawn or the journey paused since the decision.
/// </summary>
public sealed class OutboxEntryDelivery(
    ITrellisStore store,
    IChannelSender sender,
    IInAppInbox inbox,
    OutboundMessageFactory factory,
    DispatchGuard guard,
    OutboxMarkBatcher marks,
    SentMessageIndex index,
    GuardrailMonitor guardrails,
    DeliveryStats stats,
    DeliveryOptions options,
    IClock clock,
    ILogger<OutboxEntryDelivery> logger)
{
    /// <summary>
    /// Reads a claimed batch: each entry's payload, and the dispatch guard's verdicts for all of them at once
    /// (two store reads per workspace, not two per message).
    /// </summary>
    public async Task<ClaimedSend[]> PrepareAsync(IReadOnlyList<OutboxEntry> claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var sends = new ClaimedSend[claimed.Count];
        var guarded = new List<(OutboxEntry Entry, OutboxPayload Payload)>(claimed.Count);
        var guardedAt = new List<int>(claimed.Count);
        for (var i = 0; i < claimed.Count; i++)
        {
            var entry = claimed[i];
            var payload = Read(entry.PayloadJson);
            var channel = default(Channel);
            var problem = payload is null ? "the outbox entry's payload is not readable"
                : payload.Error is { } renderError ? $"not rendered: {renderError}"
                : !ChannelNames.TryParse(payload.Channel, out channel) ? $"unknown channel '{payload.Channel}'"
                : null;
            sends[i] = new ClaimedSend(entry, payload, channel, problem, null);
            if (problem is null)
            {
                guarded.Add((entry, payload!));
                guardedAt.Add(i);
            }
        }

        var reasons = await guard.ReasonsToCancelAsync(guarded, cancellationToken).ConfigureAwait(false);
        for (var j = 0; j < reasons.Length; j++)
        {
            if (reasons[j] is { } cancelled)
            {
                sends[guardedAt[j]] = sends[guardedAt[j]] with { Cancellation = cancelled };
            }
        }

        return sends;
    }

    /// <summary>
    /// Whether a prepared entry is settled without a provider call: it is given up or cancelled, or it is an in-app
    /// message the store delivers itself. Such entries need no send slot (<see cref="OutboxDispatcher"/>).
    /// </summary>
    public bool NeedsNoProvider(ClaimedSend send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return send.Problem is not null || send.Cancellation is not null || DeliveredByStore(send.Channel);
    }

    /// <summary>Sends one prepared entry (or records why not) and records the outcome with its lease token.</summary>
    public async Task DeliverAsync(ClaimedSend send, CancellationToken cancellationToken) =>
        await (await SendAsync(send, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>
    /// Sends one prepared entry (or decides not to) and starts recording the outcome with its lease token. Completes
    /// as soon as the provider has answered and returns the recording, which completes once the outcome is durable:
    /// the dispatcher's send slot is free for the next entry while the outcome waits for its batch
    /// (<see cref="OutboxMarkBatcher"/>), since the entry stays leased until then and nobody else can claim it.
    /// </summary>
    public async Task<Task> SendAsync(ClaimedSend send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var entry = send.Entry;
        if (send.Problem is { } problem)
        {
            return GiveUpAsync(entry, problem);
        }

        if (send.Cancellation is { } cancelled)
        {
            stats.RecordCancelled(entry.Channel);
            return GiveUpAsync(entry, $"cancelled: {cancelled}", countAsFailure: false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Claimed ahead and still waiting for a slot when the server stopped: hand it back without trying.
            await ReleaseAsync(entry).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var payload = send.Payload!;
        var message = factory.Create(entry, payload, send.Channel);
        if (DeliveredByStore(send.Channel))
        {
            return DeliverToInbox(entry, payload, message);
        }

        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(entry).ConfigureAwait(false);
            throw;
        }

        switch (result)
        {
            case Delivered delivered:
                return RecordSentAsync(entry, payload, delivered);
            case DeliveryFailed failed when failed.IsTransient && entry.Attempts < options.MaxAttempts:
                return RetryLaterAsync(entry, failed);
            case DeliveryFailed failed:
                await SuppressInvalidAddressAsync(entry, payload, failed, cancellationToken).ConfigureAwait(false);
                var exhausted = failed.IsTransient ? $" (gave up after {entry.Attempts} attempts)" : "";
                return GiveUpAsync(entry, $"{failed.Reason.Name()}: {failed.Detail}{exhausted}");
            default:
                throw new InvalidOperationException($"unknown delivery result {result.GetType().Name}");
        }
    }

    /// <summary>
    /// True when the in-app inbox is the store's own: then an in-app send is not a call to a provider but a row in the
    /// same store as the outbox, written by the sent mark itself (<see cref="OutboxMark.SentToInbox"/>). The message
    /// and the outcome commit together, and in batches with other marks instead of one write per message: measured,
    /// the per-message inbox writes held SQLite's write gate longer than the engine did while 1M timers fired
    /// (BENCHMARKS.md, ninth measurement).
    /// </summary>
    private readonly bool _inboxInStore = inbox is StoredInAppInbox;

    private bool DeliveredByStore(Channel channel) => channel == Channel.InApp && _inboxInStore;

    private Task DeliverToInbox(OutboxEntry entry, OutboxPayload payload, OutboundMessage message)
    {
        var now = clock.GetCurrentInstant();
        if (InAppSender.Compose(message, now.ToDateTimeOffset(), out var problem) is not { } composed)
        {
            return GiveUpAsync(entry, $"{problem!.Reason.Name()}: {problem.Detail}");
        }

        return RecordSentAsync(entry, payload, new Delivered(composed.Id), StoredInAppInbox.ToStored(composed));
    }

    /// <summary>
    /// Written after the provider accepted, never before: a crash in between leaves the entry leased, and its
    /// re-send carries the same idempotency key (docs/delivery.md). Batching only groups marks that are ready.
    /// </summary>
    private async Task RecordSentAsync(OutboxEntry entry, OutboxPayload payload, Delivered delivered, InboxMessage? inboxMessage = null)
    {
        var send = new SendReference(payload.Journey, payload.Instance, payload.Step);
        index.Record(delivered.ProviderMessageId, new SentMessage(entry.Workspace, entry.Key.PersonId, send, payload.Channel, payload.Address));
        if (payload.Marketing)
        {
            guardrails.RecordSend(entry.Workspace, payload.Journey);
        }

        stats.RecordSent(entry.Channel);
        var providerId = SentMessageIndex.NormalizeId(delivered.ProviderMessageId);
        var mark = inboxMessage is null
            ? OutboxMark.Sent(entry.Workspace, entry.Id, Lease(entry), clock.GetCurrentInstant(), providerId.Length > 0 ? providerId : null)
            : OutboxMark.SentToInbox(entry.Workspace, entry.Id, Lease(entry), clock.GetCurrentInstant(), inboxMessage);
        if (!await marks.MarkAsync(mark))
        {
            stats.RecordLostLease();
            logger.LogWarning("Outbox entry {Id} was sent ({ProviderId}) after its lease had passed to another dispatcher", entry.Id, delivered.ProviderMessageId);
            return;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Outbox entry {Id} sent on {Channel}: {ProviderId}", entry.Id, payload.Channel, delivered.ProviderMessageId);
        }
    }

    private async Task RetryLaterAsync(OutboxEntry entry, DeliveryFailed failed)
    {
        var now = clock.GetCurrentInstant();
        var retryAt = RetrySchedule.Next(now, entry.Attempts, failed.RetryAfter, options);
        stats.RecordRetried(entry.Channel);
        var reason = $"{failed.Reason.Name()}: {failed.Detail} (attempt {entry.Attempts}, next at {retryAt})";
        if (!await marks.MarkAsync(OutboxMark.Retry(entry.Workspace, entry.Id, Lease(entry), reason, now, retryAt)))
        {
            stats.RecordLostLease();
        }
    }

    private async Task GiveUpAsync(OutboxEntry entry, string reason, bool countAsFailure = true)
    {
        if (countAsFailure)
        {
            stats.RecordFailed(entry.Channel);
        }

        logger.LogInformation("Outbox entry {Id} not delivered: {Reason}", entry.Id, reason);
        if (!await marks.MarkAsync(OutboxMark.Failed(entry.Workspace, entry.Id, Lease(entry), reason, clock.GetCurrentInstant())))
        {
            stats.RecordLostLease();
        }
    }

    /// <summary>A provider that says the address does not exist has given a hard bounce: no channel should try it again.</summary>
    private async Task SuppressInvalidAddressAsync(OutboxEntry entry, OutboxPayload payload, DeliveryFailed failed, CancellationToken cancellationToken)
    {
        if (failed.Reason == FailureReason.InvalidAddress && payload.Address is { Length: > 0 } address)
        {
            var suppression = new Suppression(payload.Channel, address, $"hard bounce at send: {failed.Detail}", clock.GetCurrentInstant());
            await store.Suppressions.AddAsync(entry.Workspace, suppression, cancellationToken);
        }
    }

    /// <summary>The server is stopping mid-send: hand the entry back now rather than leave it leased for minutes.</summary>
    private async Task ReleaseAsync(OutboxEntry entry)
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var now = clock.GetCurrentInstant();
            await store.Outbox.MarkFailedAsync(entry.Workspace, entry.Id, Lease(entry), "interrupted: the server stopped during the send", now, now, deadline.Token);
        }
        catch (Exception e) when (e is StorageException or OperationCanceledException)
        {
            logger.LogWarning(e, "Outbox entry {Id} could not be released; it is claimable again when its lease ends", entry.Id);
        }
    }

    private static Guid Lease(OutboxEntry entry) =>
        entry.LeaseToken ?? throw new InvalidOperationException($"outbox entry {entry.Id} was handed out without a lease");

    private static OutboxPayload? Read(string json)
    {
        try
        {
            return OutboxPayloadJson.Deserialize(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
