using System.Runtime.InteropServices;
using System.Text.Json;
using NodaTime;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Ingestion;

/// <summary>
/// Turns one Segment call into an <see cref="IncomingEvent"/>, checking the API's rules: userId or
/// anonymousId on every call, event on track, previousId and userId on alias, groupId on group, and the
/// types of the known fields. Unknown fields are accepted and kept, as Segment does.
/// </summary>
internal static class SegmentMessageParser
{
    /// <param name="fixedKind">The call type of a single-call endpoint (its body's "type" is then ignored); null in a batch.</param>
    /// <param name="where">Names the call in error messages: "track", "batch[3]".</param>
    /// <param name="batchSentAt">The batch's sentAt, used when the call has none of its own.</param>
    public static IncomingEvent Parse(JsonElement call, EventKind? fixedKind, string where, Instant receivedAt, Instant? batchSentAt, JsonElement? batchContext)
    {
        if (call.ValueKind != JsonValueKind.Object)
        {
            throw RequestRejectedException.Invalid($"{where}: a call must be a JSON object");
        }

        if (JsonMarshal.GetRawUtf8Value(call).Length > SegmentLimits.MessageBytes)
        {
            throw new RequestRejectedException(400, "too_large", $"{where}: the call is over the limit of {SegmentLimits.MessageBytes / 1024} KB");
        }

        var fields = new SegmentFields(call, where);
        var kind = fixedKind ?? KindOf(fields, where);
        var userId = fields.Id("userId");
        var anonymousId = fields.Id("anonymousId");
        if (userId is null && anonymousId is null)
        {
            throw RequestRejectedException.Invalid($"{where}: every call needs \"userId\" or \"anonymousId\"");
        }

        string? previousId = null;
        string? eventName = null;
        switch (kind)
        {
            case EventKind.Track:
                eventName = fields.RequiredString("event", "track");
                break;
            case EventKind.Page:
                eventName = SegmentCallKinds.PageViewed;
                break;
            case EventKind.Screen:
                eventName = SegmentCallKinds.ScreenViewed;
                break;
            case EventKind.Alias:
                previousId = fields.Id("previousId") ?? throw RequestRejectedException.Invalid($"{where}: alias needs \"previousId\"");
                if (userId is null)
                {
                    throw RequestRejectedException.Invalid($"{where}: alias needs \"userId\"");
                }

                break;
            case EventKind.Group:
                _ = fields.Id("groupId") ?? throw RequestRejectedException.Invalid($"{where}: group needs \"groupId\"");
                break;
        }

        if (kind is EventKind.Page or EventKind.Screen)
        {
            fields.String("name");
            fields.String("category");
        }

        foreach (var name in new[] { "properties", "traits", "context", "integrations" })
        {
            fields.RequireObjectOrAbsent(name);
        }

        var messageId = fields.String("messageId") is { Length: > 0 } given ? given : "trellis-" + Guid.NewGuid().ToString("N");
        var clientTimestamp = fields.Time("timestamp") ?? fields.Time("originalTimestamp");
        var sentAt = fields.Time("sentAt") ?? batchSentAt;
        var timestamp = ClockSkew.Correct(clientTimestamp, sentAt, receivedAt);
        return new IncomingEvent
        {
            MessageId = messageId,
            Kind = kind,
            UserId = userId,
            AnonymousId = anonymousId,
            PreviousId = previousId,
            EventName = eventName,
            PayloadJson = StoredPayloadWriter.Write(call, kind, messageId, timestamp, clientTimestamp, receivedAt, batchContext),
            Timestamp = timestamp,
            ReceivedAt = receivedAt,
        };
    }

    private static EventKind KindOf(SegmentFields fields, string where) =>
        SegmentCallKinds.Parse(fields.String("type"))
        ?? throw RequestRejectedException.Invalid($"{where}: \"type\" must be one of {SegmentCallKinds.Names}");
}
