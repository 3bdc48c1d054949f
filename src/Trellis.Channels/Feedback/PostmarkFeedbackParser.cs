using System.Text.Json;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Feedback;

/// <summary>
/// Postmark webhooks: one JSON object per post, by RecordType. Delivery; Bounce with Type
/// HardBounce / BadEmailAddress / ManuallyDeactivated (hard) or SoftBounce / Transient / DnsError
/// (soft); SpamComplaint; Open; Click; SubscriptionChange (SuppressSending = opt out).
/// </summary>
public static class PostmarkFeedbackParser
{
    private const string Provider = "postmark";

    private static readonly HashSet<string> HardBounceTypes = ["HardBounce", "BadEmailAddress", "ManuallyDeactivated"];
    private static readonly HashSet<string> SoftBounceTypes = ["SoftBounce", "Transient", "DnsError"];

    public static FeedbackParseResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FeedbackParseResult.Invalid("a Postmark webhook post is a JSON object");
            }

            return FeedbackParseResult.Of(Event(root) is { } e ? [e] : []);
        }
        catch (JsonException e)
        {
            return FeedbackParseResult.Invalid($"not JSON: {e.Message}");
        }
    }

    private static FeedbackEvent? Event(JsonElement root)
    {
        var recordType = root.Str("RecordType");
        var type = root.Str("Type");
        (FeedbackKind? Kind, string? Address, DateTimeOffset? At) found = recordType switch
        {
            "Delivery" => (FeedbackKind.Delivered, root.Str("Recipient"), root.Time("DeliveredAt")),
            "Bounce" when type is not null && HardBounceTypes.Contains(type) => (FeedbackKind.BounceHard, root.Str("Email"), root.Time("BouncedAt")),
            "Bounce" when type is not null && SoftBounceTypes.Contains(type) => (FeedbackKind.BounceSoft, root.Str("Email"), root.Time("BouncedAt")),
            "SpamComplaint" => (FeedbackKind.Complaint, root.Str("Email"), root.Time("BouncedAt")),
            "Open" => (FeedbackKind.Open, root.Str("Recipient"), root.Time("ReceivedAt")),
            "Click" => (FeedbackKind.Click, root.Str("Recipient"), root.Time("ReceivedAt")),
            "SubscriptionChange" => (root.Bool("SuppressSending") ? FeedbackKind.OptOut : FeedbackKind.OptIn, root.Str("Recipient"), root.Time("ChangedAt")),
            _ => (null, null, null),
        };
        if (found.Kind is not { } kind)
        {
            return null;
        }

        var (address, at) = (found.Address, found.At);
        var messageId = root.Str("MessageID");
        return new FeedbackEvent
        {
            Kind = kind,
            Channel = Channel.Email,
            Provider = Provider,
            Address = address,
            ProviderMessageId = messageId,
            // Bounces and complaints carry Postmark's own record ID; the others are identified by what they describe.
            ProviderEventId = root.Str("ID") is { } id ? $"{recordType}:{id}" : $"{recordType}:{messageId}:{address}:{at?.ToUnixTimeMilliseconds()}",
            At = at ?? DateTimeOffset.UnixEpoch,
            Url = root.Str("OriginalLink"),
            Detail = type ?? root.Str("SuppressionReason"),
        };
    }
}
