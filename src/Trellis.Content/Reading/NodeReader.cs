using System.Globalization;
using Trellis.Content.Yaml;

namespace Trellis.Content.Reading;

/// <summary>
/// Reads the shape of a file: mappings, lists, known fields and plain values. Every method reports what is
/// wrong at the offending line and returns null, so readers can go on and find the next mistake too.
/// </summary>
internal sealed class NodeReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public void Report(int line, string message) => Diagnostics.Report(line, message);

    public YamlMapping? Mapping(YamlNode node, string what)
    {
        if (node is YamlMapping m)
        {
            return m;
        }

        Report(node.Line, $"{what} must be a mapping, not {node.Describe}");
        return null;
    }

    public YamlSequence? List(YamlNode node, string what)
    {
        if (node is YamlSequence s)
        {
            return s;
        }

        Report(node.Line, $"{what} must be a list, not {node.Describe}");
        return null;
    }

    /// <summary>Reports every field that is not in <paramref name="known"/>, with a suggestion for near misses.</summary>
    public void CheckFields(YamlMapping mapping, string where, IReadOnlyCollection<string> known)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!known.Contains(entry.Name))
            {
                Report(entry.Key.Line, UnknownFieldMessage(entry.Name, where, known));
            }
        }
    }

    public static string UnknownFieldMessage(string name, string where, IReadOnlyCollection<string> known) =>
        Suggestions.Closest(name, known) is { } near
            ? $"unknown field '{name}' in {where}; did you mean '{near}'?"
            : $"unknown field '{name}' in {where}; fields are: {string.Join(", ", known)}";

    /// <summary>The value of a field that must be there; reports "{where} needs '{field}'" at the mapping.</summary>
    public YamlNode? Required(YamlMapping mapping, string field, string where)
    {
        var node = mapping.Get(field);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            Report(node?.Line ?? mapping.Line, $"{where} needs '{field}'");
            return null;
        }

        return node;
    }

    /// <summary>
    /// Text such as ids and names. Plain numbers are accepted as their text (a user id may be 42); a mapping,
    /// a list or nothing is not.
    /// </summary>
    public string? Text(YamlNode node, string field)
    {
        if (node is YamlScalar s && !s.IsNull && s.Value.Trim().Length > 0)
        {
            return s.Value;
        }

        Report(node.Line, $"'{field}' must be text, not {node.Describe}");
        return null;
    }

    /// <summary>Text that may not be a plain number, bool or null (e.g. an exit reason).</summary>
    public string? StrictText(YamlNode node, string field, string example)
    {
        if (node is YamlScalar s && s.Value.Trim().Length > 0 &&
            !(s.IsPlain && (PlainScalar.IsNull(s.Value) || PlainScalar.TryBool(s.Value, out _) ||
                            PlainScalar.TryNumber(s.Value, out _, out _))))
        {
            return s.Value;
        }

        var shown = node is YamlScalar { IsNull: false } sc ? $"'{sc.Value}'" : node.Describe;
        Report(node.Line, $"'{field}' must be text (e.g. {example}), not {shown}");
        return null;
    }

    public bool? Bool(YamlNode node, string field)
    {
        if (node is YamlScalar { IsPlain: true } s && PlainScalar.TryBool(s.Value, out var b))
        {
            return b;
        }

        Report(node.Line, $"'{field}' must be true or false, not {Shown(node)}");
        return null;
    }

    public double? Number(YamlNode node, string field)
    {
        if (node is YamlScalar { IsPlain: true } s && PlainScalar.TryNumber(s.Value, out var d, out _) && double.IsFinite(d))
        {
            return d;
        }

        Report(node.Line, $"'{field}' must be a number, not {Shown(node)}");
        return null;
    }

    /// <summary>A whole number in [min, max]; the message names the range.</summary>
    public int? WholeNumber(YamlNode node, string field, int min, int max)
    {
        if (node is YamlScalar { IsPlain: true } s && PlainScalar.TryNumber(s.Value, out var d, out var isInteger) &&
            isInteger && d >= min && d <= max)
        {
            return (int)d;
        }

        var range = max == int.MaxValue
            ? $"a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}"
            : $"a whole number from {min} to {max}";
        Report(node.Line, $"'{field}' must be {range}, not {Shown(node)}");
        return null;
    }

    /// <summary>One of a fixed set of words (e.g. opt_out | opt_in).</summary>
    public string? OneOf(YamlNode node, string field, IReadOnlyList<string> allowed)
    {
        if (node is YamlScalar s && allowed.Contains(s.Value))
        {
            return s.Value;
        }

        var hint = node is YamlScalar sc ? Suggestions.DidYouMean(sc.Value, allowed) : "";
        Report(node.Line, $"'{field}' must be {Alternatives(allowed)}, not {Shown(node)}{hint}");
        return null;
    }

    /// <summary>How a value appears in a message: its text in quotes, or "a mapping" / "a list".</summary>
    public static string Shown(YamlNode node) =>
        node is YamlScalar { IsNull: false } s ? $"'{s.Value}'" : node.Describe;

    public static string Alternatives(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1];
}
