using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Channels;
using Trellis.Core.Journeys;
using Trellis.Server.Delivery.Guardrails;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Delivers one claimed outbox entry and records what happened, with the entry's lease token:
/// sent; failed for good (a render error, a permanent provider refusal, retries used up — the reason is stored
/// with the entry); put back for a later attempt (transient, with backoff and the provider's Retry-After); or
/// cancelled because the address was suppressed, consent withdrawn or the journey paused since the decision.
/// </summary>
public sealed class OutboxEntryDelivery(
    ITrellisStore store,
    IChannelSender sender,
    OutboundMessageFactory factory,
    DispatchGuard guard,
    SentMessageIndex index,
    GuardrailMonitor guardrails,
    DeliveryStats stats,
    DeliveryOptions options,
    IClock clock,
    ILogger<OutboxEntryDelivery> logger)
{
    public async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var payload = Read(entry.PayloadJson);
        if (payload is null)
        {
            await GiveUpAsync(entry, "the outbox entry's payload is not readable", cancellationToken);
            return;
        }

        if (payload.Error is { } renderError)
        {
            await GiveUpAsync(entry, $"not rendered: {renderError}", cancellationToken);
            return;
        }

        if (!ChannelNames.TryParse(payload.Channel, out var channel))
        {
            await GiveUpAsync(entry, $"unknown channel '{payload.Channel}'", cancellationToken);
            return;
        }

        if (await guard.ReasonToCancelAsync(entry, payload, cancellationToken) is { } cancelled)
        {
            stats.RecordCancelled(entry.Channel);
            await GiveUpAsync(entry, $"cancelled: {cancelled}", cancellationToken, countAsFailure: false);
            return;
        }

        var message = factory.Create(entry, payload, channel);
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(entry);
            throw;
        }

        switch (result)
        {
            case Delivered delivered:
                await RecordSentAsync(entry, payload, delivered, cancellationToken);
                break;
            case DeliveryFailed failed when failed.IsTransient && entry.Attempts < options.MaxAttempts:
                await RetryLaterAsync(entry, failed, cancellationToken);
                break;
            case DeliveryFailed failed:
                await SuppressInvalidAddressAsync(entry, payload, failed, cancellationToken);
                var exhausted = failed.IsTransient ? $" (gave up after {entry.Attempts} attempts)" : "";
                await GiveUpAsync(entry, $"{failed.Reason.Name()}: {failed.Detail}{exhausted}", cancellationToken);
                break;
        }
    }

    private async Task RecordSentAsync(OutboxEntry entry, OutboxPayload payload, Delivered delivered, CancellationToken cancellationToken)
    {
        var send = new SendReference(payload.Journey, payload.Instance, payload.Step);
        index.Record(delivered.ProviderMessageId, new SentMessage(entry.Workspace, entry.Key.PersonId, send, payload.Channel, payload.Address));
        if (payload.Marketing)
        {
            guardrails.RecordSend(entry.Workspace, payload.Journey);
        }

        stats.RecordSent(entry.Channel);
        var providerId = SentMessageIndex.NormalizeId(delivered.ProviderMessageId);
        if (!await store.Outbox.MarkSentAsync(entry.Workspace, entry.Id, Lease(entry), clock.GetCurrentInstant(), providerId.Length > 0 ? providerId : null, cancellationToken))
        {
            stats.RecordLostLease();
            logger.LogWarning("Outbox entry {Id} was sent ({ProviderId}) after its lease had passed to another dispatcher", entry.Id, delivered.ProviderMessageId);
            return;
        }

        logger.LogDebug("Outbox entry {Id} sent on {Channel}: {ProviderId}", entry.Id, payload.Channel, delivered.ProviderMessageId);
    }

    private async Task RetryLaterAsync(OutboxEntry entry, DeliveryFailed failed, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var retryAt = RetrySchedule.Next(now, entry.Attempts, failed.RetryAfter, options);
        stats.RecordRetried(entry.Channel);
        var reason = $"{failed.Reason.Name()}: {failed.Detail} (attempt {entry.Attempts}, next at {retryAt})";
        if (!await store.Outbox.MarkFailedAsync(entry.Workspace, entry.Id, Lease(entry), reason, now, retryAt, cancellationToken))
        {
            stats.RecordLostLease();
        }
    }

    private async Task GiveUpAsync(OutboxEntry entry, string reason, CancellationToken cancellationToken, bool countAsFailure = true)
    {
        if (countAsFailure)
        {
            stats.RecordFailed(entry.Channel);
        }

        logger.LogInformation("Outbox entry {Id} not delivered: {Reason}", entry.Id, reason);
        if (!await store.Outbox.MarkFailedAsync(entry.Workspace, entry.Id, Lease(entry), reason, clock.GetCurrentInstant(), null, cancellationToken))
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
