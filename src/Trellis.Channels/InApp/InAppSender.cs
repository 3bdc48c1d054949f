using Trellis.Core.Journeys;

namespace Trellis.Channels.InApp;

/// <summary>The in_app channel: puts the message in the person's inbox.</summary>
public sealed class InAppSender(IInAppInbox inbox, TimeProvider time) : IChannelSender
{
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Compose(message, time.GetUtcNow(), out var problem) is not { } composed)
        {
            return problem!;
        }

        InAppMessage stored;
        try
        {
            stored = await inbox.AddAsync(composed, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The inbox is storage: a failure there is an outage to retry, not a bad message.
            return new DeliveryFailed(FailureReason.ProviderUnavailable, $"the inbox could not store the message: {e.Message}");
        }

        return new Delivered(stored.Id);
    }

    /// <summary>
    /// The inbox message an in-app send stores, or null with the reason it cannot be sent. Its id is derived from
    /// the send's idempotency key, so every attempt of one logical send composes the same message. Used by
    /// <see cref="SendAsync"/>, and by a dispatcher whose inbox shares the outbox's store and writes the message
    /// together with the send's outcome.
    /// </summary>
    public static InAppMessage? Compose(OutboundMessage message, DateTimeOffset now, out DeliveryFailed? problem)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.InApp)
        {
            problem = new DeliveryFailed(FailureReason.Misconfigured, $"the in-app sender cannot send {message.Channel.Name()}");
            return null;
        }

        var title = message.Part(MessageParts.Title);
        if (title is null)
        {
            problem = new DeliveryFailed(FailureReason.InvalidContent, "an in-app message needs a title");
            return null;
        }

        problem = null;
        return new InAppMessage
        {
            Id = $"inapp-{StableIds.From(message.IdempotencyKey)}",
            Workspace = message.Workspace,
            PersonId = message.PersonId,
            Title = title,
            Body = message.Part(MessageParts.Body) ?? "",
            CreatedAt = now,
            SendId = message.IdempotencyKey.Value,
            Metadata = message.Metadata,
        };
    }
}
