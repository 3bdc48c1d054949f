using Trellis.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>Reads a value generator: a plain value, <c>unique</c>, or one of pick, uniform, int, lognormal, normal, date, chance.</summary>
internal sealed class GeneratorReader(YamlFieldReader fields)
{
    private static readonly string[] Kinds = ["pick", "uniform", "int", "lognormal", "normal", "date", "chance"];

    public ValueGenerator? Read(YamlNode node, string what, string name)
    {
        switch (node)
        {
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "unique" }:
                return new UniqueIdGenerator(Prefix(name));
            case YamlScalarNode scalar:
                return new ConstantGenerator(YamlFieldReader.ScalarValue(scalar));
            case YamlSequenceNode:
                fields.Report(node, $"{what} is a list: write {{pick: [a, b]}} to choose one of them");
                return null;
        }

        var mapping = (YamlMappingNode)node;
        var kind = Kinds.FirstOrDefault(k => fields.Get(mapping, k) is not null);
        if (kind is null)
        {
            fields.Report(node, $"{what} must be a value, 'unique', or one of {{{string.Join(": …}, {", Kinds)}: …}}");
            return null;
        }

        fields.CheckFields(mapping, what, kind == "chance" ? ["chance", "value"] : [kind]);
        var body = fields.Get(mapping, kind)!;
        return kind switch
        {
            "pick" => Pick(body, what),
            "uniform" => Range(body, what, integer: false),
            "int" => Range(body, what, integer: true),
            "lognormal" => Lognormal(body, what),
            "normal" => Normal(body, what),
            "date" => Date(body, what),
            _ => Chance(mapping, body, what, name),
        };
    }

    private ValueGenerator? Pick(YamlNode body, string what)
    {
        var values = new List<Value>();
        var weights = new List<double>();
        if (body is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item is YamlScalarNode s)
                {
                    values.Add(YamlFieldReader.ScalarValue(s));
                    weights.Add(1);
                }
                else
                {
                    fields.Report(item, $"{what}: pick takes plain values");
                }
            }
        }
        else if (fields.Mapping(body, what + " pick") is { } map)
        {
            foreach (var (_, keyNode, weight) in fields.Entries(map))
            {
                if (fields.Number(weight, $"{what}: the weight of '{((YamlScalarNode)keyNode).Value}'", 0) is { } w)
                {
                    values.Add(YamlFieldReader.ScalarValue((YamlScalarNode)keyNode));
                    weights.Add(w);
                }
            }
        }

        if (values.Count == 0 || weights.Sum() <= 0)
        {
            fields.Report(body, $"{what}: pick needs at least one value with a weight above 0");
            return null;
        }

        return new PickGenerator(values, weights);
    }

    private ValueGenerator? Range(YamlNode body, string what, bool integer)
    {
        if (fields.Sequence(body, what) is not { } seq || seq.Children.Count != 2)
        {
            fields.Report(body, $"{what} takes [min, max]");
            return null;
        }

        var min = fields.Number(seq.Children[0], what + " min");
        var max = fields.Number(seq.Children[1], what + " max");
        if (min is null || max is null)
        {
            return null;
        }

        if (max < min || (integer && (min != Math.Floor(min.Value) || max != Math.Floor(max.Value))))
        {
            fields.Report(body, integer ? $"{what}: int takes whole numbers [min, max] with min ≤ max" : $"{what}: min must not exceed max");
            return null;
        }

        return new UniformGenerator(min.Value, max.Value, integer);
    }

    private ValueGenerator? Lognormal(YamlNode body, string what)
    {
        if (fields.Mapping(body, what) is not { } m)
        {
            return null;
        }

        fields.CheckFields(m, what + " lognormal", "median", "sigma");
        var median = Required(m, "median", what, 0);
        var sigma = Required(m, "sigma", what, 0);
        return median is null || sigma is null ? null : new LognormalGenerator(median.Value, sigma.Value);
    }

    private ValueGenerator? Normal(YamlNode body, string what)
    {
        if (fields.Mapping(body, what) is not { } m)
        {
            return null;
        }

        fields.CheckFields(m, what + " normal", "mean", "sd");
        var mean = Required(m, "mean", what, double.MinValue);
        var sd = Required(m, "sd", what, 0);
        return mean is null || sd is null ? null : new NormalGenerator(mean.Value, sd.Value);
    }

    private ValueGenerator? Date(YamlNode body, string what)
    {
        if (fields.Sequence(body, what) is not { } seq || seq.Children.Count != 2)
        {
            fields.Report(body, $"{what}: date takes [from, to] as days from the start, e.g. [-30d, 90d]");
            return null;
        }

        var from = fields.Duration(seq.Children[0], what + " from", allowNegative: true);
        var to = fields.Duration(seq.Children[1], what + " to", allowNegative: true);
        if (from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            fields.Report(body, $"{what}: 'to' comes after 'from'");
            return null;
        }

        return new DateGenerator((int)from.Value.TotalDays, (int)to.Value.TotalDays);
    }

    private ValueGenerator? Chance(YamlMappingNode mapping, YamlNode body, string what, string name)
    {
        var p = fields.Probability(body, what + " chance");
        if (fields.Get(mapping, "value") is not { } valueNode)
        {
            fields.Report(mapping, $"{what}: chance needs a value: {{chance: 0.7, value: …}}");
            return null;
        }

        var inner = Read(valueNode, what, name);
        return p is null || inner is null ? null : new ChanceGenerator(p.Value, inner);
    }

    private double? Required(YamlMappingNode m, string field, string what, double min)
    {
        if (fields.Get(m, field) is { } node)
        {
            return fields.Number(node, $"{what} {field}", min);
        }

        fields.Report(m, $"{what} needs {field}");
        return null;
    }

    /// <summary>cart_id → cart, order_id → order: ids read like the thing they name.</summary>
    private static string Prefix(string name) => name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] : name;
}
