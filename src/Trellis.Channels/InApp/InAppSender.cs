using Trellis.Core.Journeys;

namespace Trellis.Channels.InApp;

/// <summary>The in_app channel: puts the message in the person's inbox.</summary>
public sealed class InAppSender(IInAppInbox inbox, TimeProvider time) : IChannelSender
{
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.InApp)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the in-app sender cannot send {message.Channel.Name()}");
        }

        var title = message.Part(MessageParts.Title);
        if (title is null)
        {
            return new DeliveryFailed(FailureReason.InvalidContent, "an in-app message needs a title");
        }

        InAppMessage stored;
        try
        {
            stored = await inbox.AddAsync(new InAppMessage
        {
            Id = $"inapp-{StableIds.From(message.IdempotencyKey)}",
            Workspace = message.Workspace,
            PersonId = message.PersonId,
            Title = title,
            Body = message.Part(MessageParts.Body) ?? "",
            CreatedAt = time.GetUtcNow(),
            SendId = message.IdempotencyKey.Value,
            Metadata = message.Metadata,
        }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The inbox is storage: a failure there is an outage to retry, not a bad message.
            return new DeliveryFailed(FailureReason.ProviderUnavailable, $"the inbox could not store the message: {e.Message}");
        }

        return new Delivered(stored.Id);
    }
}
