using Trellis.Content.Yaml;
using Trellis.Core.Values;

namespace Trellis.Content.Reading;

/// <summary>
/// Turns YAML data (traits, event properties, identify payloads) into <see cref="Value"/>s: plain scalars are
/// typed (null, bool, number, else text), quoted ones are always text, mappings and lists nest.
/// </summary>
internal static class ValueReader
{
    public static Value Read(YamlNode node) => node switch
    {
        YamlScalar s => Scalar(s),
        YamlSequence list => Value.List(list.Items.Select(Read).ToArray()),
        YamlMapping map => Value.Map(Map(map)),
        _ => Value.Null,
    };

    /// <summary>A mapping's entries as a read-only dictionary, in file order of insertion.</summary>
    public static IReadOnlyDictionary<string, Value> Map(YamlMapping map)
    {
        var entries = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var e in map.Entries)
        {
            entries[e.Name] = Read(e.Value);
        }

        return entries;
    }

    private static Value Scalar(YamlScalar s)
    {
        if (!s.IsPlain)
        {
            return Value.String(s.Value);
        }

        if (PlainScalar.IsNull(s.Value))
        {
            return Value.Null;
        }

        if (PlainScalar.TryBool(s.Value, out var b))
        {
            return Value.Bool(b);
        }

        return PlainScalar.TryNumber(s.Value, out var d, out _) ? Value.Number(d) : Value.String(s.Value);
    }
}
