using Trellis.Core.Journeys;

namespace Trellis.Channels.Feedback;

/// <summary>
/// Twilio's form posts: inbound SMS (From, Body) — opt-out and opt-in keywords — and message status
/// callbacks (MessageSid, MessageStatus, ErrorCode) — delivered, or a hard or soft failure.
/// Verify <see cref="TwilioSignature"/> before trusting either.
/// </summary>
public static class TwilioFeedbackParser
{
    private const string Provider = "twilio";

    // Twilio's standard keywords (STOPALL is Twilio's too); matched on the whole message only, so
    // "please don't stop" is not an opt-out.
    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    private static readonly HashSet<string> OptInWords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP" };

    // Error codes that say the number itself can't receive SMS: unknown, landline, invalid, unreachable carrier.
    private static readonly HashSet<string> HardErrorCodes = ["21211", "21214", "21612", "21614", "30005", "30006"];

    public static FeedbackParseResult Parse(IEnumerable<KeyValuePair<string, string>> form, DateTimeOffset receivedAt)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            fields.TryAdd(name, value);
        }

        var sid = Field(fields, "MessageSid") ?? Field(fields, "SmsSid");
        if (sid is null)
        {
            return FeedbackParseResult.Invalid("not a Twilio message post: no MessageSid");
        }

        if (Field(fields, "MessageStatus") is { } status)
        {
            return FeedbackParseResult.Of(StatusEvent(fields, sid, status.ToLowerInvariant(), receivedAt) is { } e ? [e] : []);
        }

        var keyword = Keyword(Field(fields, "Body"));
        FeedbackKind? kind = OptOutWords.Contains(keyword) ? FeedbackKind.OptOut
            : OptInWords.Contains(keyword) ? FeedbackKind.OptIn
            : null;
        if (kind is null)
        {
            return FeedbackParseResult.Of([]);
        }

        return FeedbackParseResult.Of([new FeedbackEvent
        {
            Kind = kind.Value,
            Channel = Channel.Sms,
            Provider = Provider,
            Address = Field(fields, "From"),
            ProviderMessageId = sid,
            ProviderEventId = $"{sid}:inbound",
            At = receivedAt,
            Detail = keyword.ToUpperInvariant(),
        }]);
    }

    private static FeedbackEvent? StatusEvent(Dictionary<string, string> fields, string sid, string status, DateTimeOffset at)
    {
        var errorCode = Field(fields, "ErrorCode");
        FeedbackKind? kind = status switch
        {
            "delivered" => FeedbackKind.Delivered,
            // 21610: the recipient had replied STOP; the carrier blocks us until they send START.
            "undelivered" or "failed" when errorCode == "21610" => FeedbackKind.OptOut,
            "undelivered" or "failed" when errorCode is not null && HardErrorCodes.Contains(errorCode) => FeedbackKind.BounceHard,
            "undelivered" or "failed" => FeedbackKind.BounceSoft,
            _ => null, // queued, sending, sent: progress, not an outcome
        };
        return kind is null ? null : new FeedbackEvent
        {
            Kind = kind.Value,
            Channel = Channel.Sms,
            Provider = Provider,
            Address = Field(fields, "To"),
            ProviderMessageId = sid,
            ProviderEventId = $"{sid}:{status}",
            At = at,
            Detail = errorCode is null ? status : $"{status} (error {errorCode})",
        };
    }

    private static string Keyword(string? body) => (body ?? "").Trim().TrimEnd('.', '!').Trim();

    private static string? Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
