using System.Globalization;
using NodaTime;
using Trellis.Core.Time;
using Trellis.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>Reads typed fields out of YAML nodes, reporting each mistake once with its line (and going on, to find them all).</summary>
internal sealed class YamlFieldReader(string file)
{
    private readonly List<BehaviorDiagnostic> _diagnostics = [];

    public string File { get; } = file;

    public IReadOnlyList<BehaviorDiagnostic> Diagnostics => _diagnostics;

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public void Report(YamlNode node, string message) => Report(LineOf(node), message);

    public void Report(int line, string message) => _diagnostics.Add(new BehaviorDiagnostic(File, Math.Max(1, line), message));

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode m)
        {
            return m;
        }

        Report(node, $"{what} must be a mapping ({{name: value, …}}), not {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode s)
        {
            return s;
        }

        Report(node, $"{what} must be a list, not {Describe(node)}");
        return null;
    }

    /// <summary>The entries of a mapping with text keys (a non-text key is reported and skipped).</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode mapping)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } key })
            {
                yield return (key, k, v);
            }
            else
            {
                Report(k, "a key must be plain text");
            }
        }
    }

    public YamlNode? Get(YamlMappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    public void CheckFields(YamlMappingNode mapping, string where, params string[] known)
    {
        foreach (var (key, keyNode, _) in Entries(mapping))
        {
            if (Array.IndexOf(known, key) < 0)
            {
                Report(keyNode, $"unknown field '{key}' in {where} (fields: {string.Join(", ", known)})");
            }
        }
    }

    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Report(node, $"{what} must be text, not {Describe(node)}");
        return null;
    }

    public double? Number(YamlNode node, string what, double min = double.MinValue, double max = double.MaxValue)
    {
        if (node is not YamlScalarNode { Value: { } text } ||
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            Report(node, $"{what} must be a number, not {Describe(node)}");
            return null;
        }

        if (x < min || x > max)
        {
            Report(node, $"{what} must lie between {Format(min)} and {Format(max)}, not {text}");
            return null;
        }

        return x;
    }

    public double? Probability(YamlNode node, string what) => Number(node, what + " (a probability)", 0, 1);

    public bool? Bool(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: "true" or "false" } s)
        {
            return s.Value == "true";
        }

        Report(node, $"{what} must be true or false, not {Describe(node)}");
        return null;
    }

    public Duration? Duration(YamlNode node, string what, bool allowNegative = false)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            Report(node, $"{what} must be a duration such as 30m, 48h or 14d, not {Describe(node)}");
            return null;
        }

        if (!DurationText.TryParse(text, out var d, out var error))
        {
            Report(node, $"{what}: {error}");
            return null;
        }

        if (!allowNegative && d < NodaTime.Duration.Zero)
        {
            Report(node, $"{what} cannot be negative");
            return null;
        }

        return d;
    }

    /// <summary><c>2d</c> (exactly) or <c>[1h, 3d]</c> (uniformly between).</summary>
    public DelayRange? Delay(YamlNode node, string what)
    {
        if (node is YamlSequenceNode seq)
        {
            if (seq.Children.Count != 2)
            {
                Report(node, $"{what} must be one duration or two ([shortest, longest])");
                return null;
            }

            var a = Duration(seq.Children[0], what);
            var b = Duration(seq.Children[1], what);
            if (a is null || b is null)
            {
                return null;
            }

            if (b < a)
            {
                Report(node, $"{what}: the longest delay comes second ([shortest, longest])");
                return null;
            }

            return new DelayRange(a.Value, b.Value);
        }

        return Duration(node, what) is { } d ? new DelayRange(d, d) : null;
    }

    /// <summary>A scalar as a value: plain true/false, numbers and null as such, anything quoted as text.</summary>
    public static Value ScalarValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain)
        {
            if (text is "true" or "false")
            {
                return Value.Bool(text == "true");
            }

            if (text is "" or "~" or "null")
            {
                return Value.Null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
            {
                return Value.Number(x);
            }
        }

        return Value.String(text);
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    private static string Format(double x) => x.ToString(CultureInfo.InvariantCulture);
}
