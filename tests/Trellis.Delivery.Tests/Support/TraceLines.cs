using System.Text.Json;
using Trellis.Storage;

namespace Trellis.Delivery.Tests.Support;

/// <summary>Reads fields of stored trace lines (SPEC §5 JSON).</summary>
public static class TraceLines
{
    public static bool IsSkip(TraceEntry entry, string journey, string reason) =>
        entry.Type == "skip" && entry.JourneyId == journey && Field(entry, "reason") == reason;

    public static bool IsSend(TraceEntry entry, string journey) => entry.Type == "send" && entry.JourneyId == journey;

    public static string? Field(TraceEntry entry, string name)
    {
        using var json = JsonDocument.Parse(entry.DetailsJson);
        return json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
