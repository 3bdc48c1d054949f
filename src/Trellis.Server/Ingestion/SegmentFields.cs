using System.Globalization;
using System.Text.Json;
using NodaTime;
using Trellis.Server.Hosting;

namespace Trellis.Server.Ingestion;

/// <summary>
/// Typed reads of a Segment call's fields, each refusing a wrong type with a message that names the call
/// and the field (e.g. <c>batch[2]: "event" must be a string, got number</c>). A field that is absent or
/// JSON null counts as not given, as in Segment's libraries.
/// </summary>
internal readonly struct SegmentFields
{
    private readonly JsonElement _call;
    private readonly string _where;

    public SegmentFields(JsonElement call, string where)
    {
        _call = call;
        _where = where;
    }

    /// <summary>A user id, anonymous id or previous id: a string, or a number taken as its text. Empty counts as missing.</summary>
    public string? Id(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Wrong(name, "a string", value),
        };
        return Bounded(name, string.IsNullOrWhiteSpace(text) ? null : text);
    }

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? Bounded(name, value.GetString()) : throw Wrong(name, "a string", value);
    }

    public string RequiredString(string name, string what) =>
        String(name) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw RequestRejectedException.Invalid($"{_where}: {what} needs \"{name}\"");

    /// <summary>Checks that an object-valued field (properties, traits, context, integrations) is an object when present.</summary>
    public void RequireObjectOrAbsent(string name)
    {
        if (TryGet(name, out var value) && value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(name, "an object", value);
        }
    }

    /// <summary>An ISO-8601 time (a string without an offset is taken as UTC).</summary>
    public Instant? Time(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Wrong(name, "an ISO-8601 time string", value);
        }

        return ParseTime(value.GetString()!) ?? throw RequestRejectedException.Invalid($"{_where}: \"{name}\" is not an ISO-8601 time: {value.GetString()}");
    }

    public static Instant? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? Instant.FromDateTimeOffset(parsed)
            : null;

    private bool TryGet(string name, out JsonElement value) =>
        _call.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private string? Bounded(string name, string? text) =>
        text is { Length: > SegmentLimits.IdLength }
            ? throw RequestRejectedException.Invalid($"{_where}: \"{name}\" is longer than {SegmentLimits.IdLength} characters")
            : text;

    private RequestRejectedException Wrong(string name, string expected, JsonElement got) =>
        RequestRejectedException.Invalid($"{_where}: \"{name}\" must be {expected}, got {KindName(got.ValueKind)}");

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
