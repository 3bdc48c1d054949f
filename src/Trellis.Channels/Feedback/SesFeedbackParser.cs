using System.Text.Json;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Feedback;

/// <summary>
/// Amazon SES notifications, delivered through SNS (the envelope's "Message" holds the SES JSON)
/// or raw. Bounce: bounceType Permanent = hard, Transient / Undetermined = soft. Complaint =
/// complaint (except feedback type "not-spam"). Delivery, Open and Click from event publishing.
/// One event per recipient. SNS message signatures are not checked here (parsers are pure): the
/// server verifies them first (<see cref="SnsSignature"/>), or the hook secret when that is off.
/// </summary>
public static class SesFeedbackParser
{
    private const string Provider = "ses";

    public static FeedbackParseResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            switch (root.Str("Type"))
            {
                case "SubscriptionConfirmation":
                    return Uri.TryCreate(root.Str("SubscribeURL"), UriKind.Absolute, out var confirm)
                        ? new FeedbackParseResult([], confirm)
                        : FeedbackParseResult.Invalid("subscription confirmation without SubscribeURL");
                case "Notification":
                    var message = root.Str("Message");
                    if (message is null)
                    {
                        return FeedbackParseResult.Invalid("SNS notification without Message");
                    }

                    using (var inner = JsonDocument.Parse(message))
                    {
                        return FeedbackParseResult.Of(Events(inner.RootElement));
                    }

                case "UnsubscribeConfirmation":
                    return FeedbackParseResult.Of([]);
                default:
                    return root.Str("notificationType") is not null || root.Str("eventType") is not null
                        ? FeedbackParseResult.Of(Events(root))
                        : FeedbackParseResult.Invalid("neither an SNS message nor an SES notification");
            }
        }
        catch (JsonException e)
        {
            return FeedbackParseResult.Invalid($"not JSON: {e.Message}");
        }
    }

    private static List<FeedbackEvent> Events(JsonElement ses)
    {
        var mail = ses.Obj("mail") ?? default;
        var type = ses.Str("notificationType") ?? ses.Str("eventType");
        return type switch
        {
            "Bounce" => Bounces(ses.Obj("bounce") ?? default, mail),
            "Complaint" => Complaints(ses.Obj("complaint") ?? default, mail),
            "Delivery" => PerRecipient(ses.Obj("delivery") ?? default, mail, FeedbackKind.Delivered, "recipients", "delivery"),
            "Open" => PerDestination(ses.Obj("open") ?? default, mail, FeedbackKind.Open, null),
            "Click" => PerDestination(ses.Obj("click") ?? default, mail, FeedbackKind.Click, (ses.Obj("click") ?? default).Str("link")),
            _ => [],
        };
    }

    private static List<FeedbackEvent> Bounces(JsonElement bounce, JsonElement mail)
    {
        var bounceType = bounce.Str("bounceType");
        var kind = bounceType == "Permanent" ? FeedbackKind.BounceHard : FeedbackKind.BounceSoft;
        var feedbackId = bounce.Str("feedbackId") ?? mail.Str("messageId") ?? "";
        return bounce.Array("bouncedRecipients")
            .Select(r => Event(kind, r.Str("emailAddress"), mail, $"{feedbackId}:{r.Str("emailAddress")}", bounce.Time("timestamp"),
                detail: $"{bounceType}/{bounce.Str("bounceSubType")} {r.Str("diagnosticCode")}".Trim()))
            .ToList();
    }

    private static List<FeedbackEvent> Complaints(JsonElement complaint, JsonElement mail)
    {
        var feedbackType = complaint.Str("complaintFeedbackType");
        if (feedbackType == "not-spam")
        {
            return [];
        }

        var feedbackId = complaint.Str("feedbackId") ?? mail.Str("messageId") ?? "";
        return complaint.Array("complainedRecipients")
            .Select(r => Event(FeedbackKind.Complaint, r.Str("emailAddress"), mail, $"{feedbackId}:{r.Str("emailAddress")}", complaint.Time("timestamp"), detail: feedbackType))
            .ToList();
    }

    private static List<FeedbackEvent> PerRecipient(JsonElement detail, JsonElement mail, FeedbackKind kind, string recipientsField, string tag) =>
        detail.Array(recipientsField)
            .Select(r => r.GetString())
            .Select(address => Event(kind, address, mail, $"{mail.Str("messageId")}:{tag}:{address}", detail.Time("timestamp")))
            .ToList();

    /// <summary>Opens and clicks don't name the recipient; a message to one person is the common case.</summary>
    private static List<FeedbackEvent> PerDestination(JsonElement detail, JsonElement mail, FeedbackKind kind, string? url)
    {
        var address = mail.Array("destination").Select(d => d.GetString()).FirstOrDefault();
        var at = detail.Time("timestamp");
        return [Event(kind, address, mail, $"{mail.Str("messageId")}:{kind.Name()}:{detail.Str("timestamp")}:{url}", at, url)];
    }

    private static FeedbackEvent Event(FeedbackKind kind, string? address, JsonElement mail, string eventId, DateTimeOffset? at, string? url = null, string? detail = null) => new()
    {
        Kind = kind,
        Channel = Channel.Email,
        Provider = Provider,
        Address = address,
        ProviderMessageId = mail.Str("messageId"),
        MessageIdHeader = (mail.Obj("commonHeaders") ?? default).Str("messageId"),
        ProviderEventId = eventId,
        At = at ?? mail.Time("timestamp") ?? DateTimeOffset.UnixEpoch,
        Url = url,
        Detail = string.IsNullOrWhiteSpace(detail) ? null : detail,
    };
}
