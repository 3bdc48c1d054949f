using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Trellis.Storage;

namespace Trellis.Server.Ingestion;

/// <summary>
/// The JSON kept for an event: the call as the client sent it (unknown fields included), with the fields
/// Segment itself fills in on receipt — <c>type</c>, <c>messageId</c> (generated when missing), <c>timestamp</c>
/// (skew-corrected), <c>originalTimestamp</c> (the client's), <c>receivedAt</c> — and without <c>writeKey</c>:
/// a key never lands in the event log.
/// </summary>
internal static class StoredPayloadWriter
{
    private static readonly HashSet<string> Replaced = ["type", "messageId", "timestamp", "originalTimestamp", "receivedAt", "writeKey"];

    public static string Write(JsonElement call, EventKind kind, string messageId, Instant timestamp, Instant? originalTimestamp, Instant receivedAt, JsonElement? batchContext)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", SegmentCallKinds.Name(kind));
            writer.WriteString("messageId", messageId);
            writer.WriteString("timestamp", Iso(timestamp));
            if (originalTimestamp is { } original)
            {
                writer.WriteString("originalTimestamp", Iso(original));
            }

            writer.WriteString("receivedAt", Iso(receivedAt));
            var hasContext = false;
            foreach (var property in call.EnumerateObject())
            {
                if (Replaced.Contains(property.Name))
                {
                    continue;
                }

                hasContext |= property.Name == "context" && property.Value.ValueKind == JsonValueKind.Object;
                property.WriteTo(writer);
            }

            // A batch may carry one context for all its calls; a call's own context wins.
            if (!hasContext && batchContext is { ValueKind: JsonValueKind.Object } shared)
            {
                writer.WritePropertyName("context");
                shared.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
