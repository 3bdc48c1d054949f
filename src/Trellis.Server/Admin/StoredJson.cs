using System.Text.Json;

namespace Trellis.Server.Admin;

/// <summary>Embeds JSON kept as text (traits, payloads, trace lines) in a response as JSON, not as a quoted string.</summary>
internal static class StoredJson
{
    public static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Never fail a read over one damaged row: show it as text.
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
