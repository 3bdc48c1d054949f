using System.Text.Json;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Feedback;

/// <summary>
/// SendGrid's event webhook: a JSON array of events. delivered, bounce (type "bounce" = hard,
/// "blocked" = soft), spamreport, unsubscribe / group_unsubscribe, group_resubscribe, open, click.
/// processed, deferred and dropped are progress or echoes of earlier events and are skipped.
/// Events are de-duplicated on sg_event_id within a post; across posts the server de-duplicates
/// on <see cref="FeedbackEvent.ProviderEventId"/>. Check <see cref="SendGridSignature"/> first.
/// </summary>
public static class SendGridFeedbackParser
{
    private const string Provider = "sendgrid";

    public static FeedbackParseResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return FeedbackParseResult.Invalid("a SendGrid event post is a JSON array");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var events = new List<FeedbackEvent>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (Event(item) is { } e && seen.Add(e.ProviderEventId))
                {
                    events.Add(e);
                }
            }

            return FeedbackParseResult.Of(events);
        }
        catch (JsonException e)
        {
            return FeedbackParseResult.Invalid($"not JSON: {e.Message}");
        }
    }

    private static FeedbackEvent? Event(JsonElement item)
    {
        var name = item.Str("event");
        FeedbackKind? kind = name switch
        {
            "delivered" => FeedbackKind.Delivered,
            "bounce" when item.Str("type") == "blocked" => FeedbackKind.BounceSoft,
            "bounce" => FeedbackKind.BounceHard,
            "spamreport" => FeedbackKind.Complaint,
            "unsubscribe" or "group_unsubscribe" => FeedbackKind.OptOut,
            "group_resubscribe" => FeedbackKind.OptIn,
            "open" => FeedbackKind.Open,
            "click" => FeedbackKind.Click,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var messageId = item.Str("sg_message_id");
        var at = item.UnixTime("timestamp") ?? DateTimeOffset.UnixEpoch;
        return new FeedbackEvent
        {
            Kind = kind.Value,
            Channel = Channel.Email,
            Provider = Provider,
            Address = item.Str("email"),
            ProviderMessageId = messageId,
            MessageIdHeader = item.Str("smtp-id"),
            // sg_event_id is SendGrid's de-duplication key; without one, the event's own identity.
            ProviderEventId = item.Str("sg_event_id") ?? $"{messageId}:{name}:{at.ToUnixTimeSeconds()}:{item.Str("email")}",
            At = at,
            Url = item.Str("url"),
            Detail = item.Str("reason") ?? item.Str("type"),
        };
    }
}
