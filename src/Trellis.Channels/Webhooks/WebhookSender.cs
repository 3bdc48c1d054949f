using System.Text.Json;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Webhooks;

/// <summary>
/// The webhook channel: POSTs the rendered body (JSON) to the rendered URL, signed, through
/// <see cref="SignedJsonPoster"/>.
/// </summary>
public sealed class WebhookSender(SignedJsonPoster poster) : IChannelSender
{
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Webhook)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the webhook sender cannot send {message.Channel.Name()}");
        }

        var body = message.Part(MessageParts.Body) ?? "{}";
        if (!IsJson(body))
        {
            return new DeliveryFailed(FailureReason.InvalidContent, "the rendered webhook body is not JSON");
        }

        return await poster.PostAsync(message.Part(MessageParts.Url), body, message.IdempotencyKey, message.Headers, ct).ConfigureAwait(false);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
