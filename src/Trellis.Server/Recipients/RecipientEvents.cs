using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Trellis.Server.Delivery;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>
/// Events that Trellis itself appends to a person's log, in the shape of stored Segment calls so the engine and
/// the timeline read them like any other: an <c>identify</c> with <c>traits.consent</c> for an unsubscribe or a
/// preference change, and a <c>track</c> (<c>message_opened</c>, <c>message_clicked</c>, <c>message_delivered</c>,
/// <c>message_bounced</c>) with properties <c>journey</c>, <c>step</c>, <c>instance</c> for engagement.
/// <c>context.trellis.source</c> says which endpoint wrote it.
/// </summary>
public static class RecipientEvents
{
    public const string Opened = "message_opened";
    public const string Clicked = "message_clicked";
    public const string Delivered = "message_delivered";
    public const string Bounced = "message_bounced";

    public static IncomingEvent ConsentIdentify(string personId, IReadOnlyDictionary<string, bool> consent, string source, Instant now)
    {
        var messageId = $"trellis-consent-{Guid.NewGuid():N}";
        var json = Write(w =>
        {
            Header(w, "identify", messageId, personId, now);
            w.WriteStartObject("traits");
            w.WriteStartObject("consent");
            foreach (var (topic, granted) in consent)
            {
                w.WriteBoolean(topic, granted);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            Context(w, source, null);
        });
        return new IncomingEvent
        {
            MessageId = messageId, Kind = EventKind.Identify, UserId = personId, PayloadJson = json, Timestamp = now, ReceivedAt = now,
        };
    }

    /// <param name="messageId">Chosen by the caller so that a repeat (a second open, a webhook redelivery) is a duplicate.</param>
    public static IncomingEvent Engagement(string personId, string name, SendReference send, string messageId, string source, Instant now, IReadOnlyDictionary<string, string>? extra = null)
    {
        var json = Write(w =>
        {
            Header(w, "track", messageId, personId, now);
            w.WriteString("event", name);
            w.WriteStartObject("properties");
            w.WriteString("journey", send.Journey);
            w.WriteString("step", send.Step);
            w.WriteNumber("instance", send.Instance);
            foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            Context(w, source, send);
        });
        return new IncomingEvent
        {
            MessageId = messageId, Kind = EventKind.Track, UserId = personId, EventName = name, PayloadJson = json, Timestamp = now, ReceivedAt = now,
        };
    }

    private static void Header(Utf8JsonWriter w, string type, string messageId, string personId, Instant now)
    {
        var at = InstantPattern.ExtendedIso.Format(now);
        w.WriteString("type", type);
        w.WriteString("messageId", messageId);
        w.WriteString("timestamp", at);
        w.WriteString("receivedAt", at);
        w.WriteString("userId", personId);
    }

    private static void Context(Utf8JsonWriter w, string source, SendReference? send)
    {
        w.WriteStartObject("context");
        w.WriteStartObject("trellis");
        w.WriteString("source", source);
        if (send is { } s)
        {
            w.WriteString("send", s.ToString());
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
