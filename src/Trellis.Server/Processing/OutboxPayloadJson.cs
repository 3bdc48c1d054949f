using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Trellis.Server.Processing;

/// <summary>
/// The outbox payload's JSON, written by the engine worker (once per send, on its hot path) and read by the
/// dispatcher. Written by hand into a per-thread buffer, with relaxed escaping: the text is stored, never
/// embedded in a page, and escaping every <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quote of an HTML body as
/// <c>\u003C</c> made the stored row about a third larger. Read with source-generated metadata. Property names
/// are those the reflection serializer used, so rows written before still read (a test round-trips both).
/// </summary>
public static class OutboxPayloadJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _thread;

    public static string Serialize(OutboxPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var (buffer, json) = _thread ??= (new ArrayBufferWriter<byte>(4096), new Utf8JsonWriter(new ArrayBufferWriter<byte>(1), WriterOptions));
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString(nameof(OutboxPayload.Journey), payload.Journey);
        json.WriteString(nameof(OutboxPayload.Step), payload.Step);
        json.WriteString(nameof(OutboxPayload.Template), payload.Template);
        json.WriteString(nameof(OutboxPayload.Channel), payload.Channel);
        json.WriteNumber(nameof(OutboxPayload.Instance), payload.Instance);
        json.WriteBoolean(nameof(OutboxPayload.Marketing), payload.Marketing);
        json.WriteString(nameof(OutboxPayload.Address), payload.Address);
        json.WriteString(nameof(OutboxPayload.UnsubscribeUrl), payload.UnsubscribeUrl);
        json.WriteStartObject(nameof(OutboxPayload.Parts));
        foreach (var (name, text) in payload.Parts)
        {
            json.WriteString(name, text);
        }

        json.WriteEndObject();
        json.WriteString(nameof(OutboxPayload.Error), payload.Error);
        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="JsonException">The text is not an outbox payload.</exception>
    public static OutboxPayload? Deserialize(string json) => JsonSerializer.Deserialize(json, OutboxPayloadJsonContext.Default.OutboxPayload);
}
