using System.Text.Json;
using NodaTime;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Ingestion;

/// <summary>Reads a Segment request body: one call (<c>/v1/track</c>, …) or <c>{"batch": [...]}</c> with a type per item.</summary>
internal static class SegmentRequestReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static JsonDocument Parse(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new RequestRejectedException(400, "malformed", "the body must be a JSON object");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException(400, "malformed", $"malformed JSON: {e.Message}");
        }
    }

    /// <summary>The write key some clients put in the body (<c>"writeKey"</c>) instead of the Authorization header.</summary>
    public static string? BodyWriteKey(JsonElement root) =>
        root.TryGetProperty("writeKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;

    /// <param name="fixedKind">The single-call endpoint's type; null for <c>/v1/batch</c>.</param>
    public static IReadOnlyList<IncomingEvent> Events(JsonElement root, EventKind? fixedKind, Instant receivedAt)
    {
        if (fixedKind is { } kind)
        {
            return [SegmentMessageParser.Parse(root, kind, SegmentCallKinds.Name(kind), receivedAt, batchSentAt: null, batchContext: null)];
        }

        if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            throw RequestRejectedException.Invalid("a batch needs \"batch\": an array of calls");
        }

        var top = new SegmentFields(root, "batch");
        var sentAt = top.Time("sentAt");
        top.RequireObjectOrAbsent("context");
        JsonElement? context = root.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c : null;
        var events = new List<IncomingEvent>(batch.GetArrayLength());
        var index = 0;
        foreach (var call in batch.EnumerateArray())
        {
            events.Add(SegmentMessageParser.Parse(call, null, $"batch[{index}]", receivedAt, sentAt, context));
            index++;
        }

        return events;
    }
}
