using System.Text.Json;

namespace Trellis.Channels.Http;

/// <summary>Reads one top-level field of a provider reply, tolerating replies that aren't JSON at all.</summary>
public static class JsonFields
{
    public static string? String(string json, string name) =>
        Field(json, name) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public static int? Int(string json, string name) =>
        Field(json, name) is { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out var value) ? value : null;

    private static JsonElement? Field(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value)
                    ? value.Clone()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
