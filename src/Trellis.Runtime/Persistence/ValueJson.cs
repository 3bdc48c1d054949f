using System.Text.Json;
using Trellis.Core.Values;
using Trellis.Runtime.Tracing;

namespace Trellis.Runtime.Persistence;

/// <summary>JSON to <see cref="Value"/> and back (event properties and traits from the API, traces and profiles to it).</summary>
public static class ValueJson
{
    private const int MaxDepth = 32;

    public static Value FromJson(JsonElement e, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return Value.Null;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Value.String(e.GetString());
            case JsonValueKind.Number:
                return Value.Number(e.GetDouble());
            case JsonValueKind.True:
                return Value.True;
            case JsonValueKind.False:
                return Value.False;
            case JsonValueKind.Array:
                return Value.List(e.EnumerateArray().Select(x => FromJson(x, depth + 1)).ToArray());
            case JsonValueKind.Object:
                var map = new Dictionary<string, Value>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject())
                {
                    map[p.Name] = FromJson(p.Value, depth + 1);
                }

                return Value.Map(map);
            default:
                return Value.Null;
        }
    }

    /// <summary>A JSON object's members as traits or properties (anything but an object gives an empty map).</summary>
    public static Dictionary<string, Value> MapFromJson(JsonElement e) =>
        FromJson(e).AsMap is { } m ? new Dictionary<string, Value>(m, StringComparer.Ordinal) : new Dictionary<string, Value>(StringComparer.Ordinal);

    public static string ToJson(Value v)
    {
        TraceLine.WriteValue(ThreadJsonBuffer.Start(), v);
        return ThreadJsonBuffer.Finish();
    }
}
