using Trellis.Channels;
using Trellis.Channels.Tracking;
using Trellis.Core.Journeys;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Turns an outbox entry (rendered at decision time) into the message a channel sender delivers: the idempotency
/// key derived from the entry's unique send key, the unsubscribe URL signed by the composer, and — for marketing
/// email — click and open tracking.
/// </summary>
public sealed class OutboundMessageFactory(RecipientLinks links, DeliveryOptions options)
{
    public OutboundMessage Create(OutboxEntry entry, OutboxPayload payload, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(payload);
        var send = new SendReference(payload.Journey, payload.Instance, payload.Step);
        var parts = payload.Parts;
        if (channel == Channel.Email && payload.Marketing && options.TrackEngagement
            && parts.TryGetValue(MessageParts.Html, out var html) && !string.IsNullOrWhiteSpace(html))
        {
            parts = new Dictionary<string, string>(parts, StringComparer.Ordinal)
            {
                [MessageParts.Html] = EmailTracking.Rewrite(html, links, entry.Workspace.Value, entry.Key.PersonId, send),
            };
        }

        return new OutboundMessage
        {
            Workspace = entry.Workspace.Value,
            PersonId = entry.Key.PersonId,
            Channel = channel,
            IdempotencyKey = IdempotencyFor(entry),
            Parts = parts,
            Address = payload.Address,
            IsMarketing = payload.Marketing,
            UnsubscribeUrl = Uri.TryCreate(payload.UnsubscribeUrl, UriKind.Absolute, out var unsubscribe) ? unsubscribe : null,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["journey"] = payload.Journey,
                ["step"] = payload.Step,
                ["instance"] = payload.Instance.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>
    /// The logical send as providers see it. The decision sequence is part of the step: a journey that loops back
    /// to a step sends a new message there, which must not look like a retry of the first one.
    /// </summary>
    public static IdempotencyKey IdempotencyFor(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = entry.Key;
        return new IdempotencyKey(entry.Workspace.Value, key.PersonId, key.JourneyInstance,
            $"{key.StepId}@{key.DecisionSequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
