using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>split:</c> — variants <c>{name, weight, goto}</c> with positive weights and distinct names.</summary>
internal sealed class SplitStepReader(JourneyReadState state)
{
    private static readonly string[] Fields = ["name", "weight", "goto"];

    public SplitStep Read(StepHeader header, YamlNode node)
    {
        var readers = state.Readers;
        var variants = new List<SplitVariant>();
        if (readers.Nodes.List(node, "split") is { } list)
        {
            if (list.Items.Count == 0)
            {
                readers.Report(list.Line, "split needs at least one variant: - {name, weight, goto}");
            }

            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in list.Items)
            {
                if (ReadVariant(header, item, names) is { } v)
                {
                    variants.Add(v);
                }
            }
        }

        return new SplitStep(header.Id, header.Location, variants) { NextId = header.NextId };
    }

    private SplitVariant? ReadVariant(StepHeader header, YamlNode node, Dictionary<string, int> names)
    {
        var readers = state.Readers;
        if (readers.Nodes.Mapping(node, "a split variant") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "split variant", Fields);
        var nameNode = readers.Nodes.Required(map, "name", "a split variant");
        var name = nameNode is null ? null : readers.Nodes.Text(nameNode, "name");
        if (name is not null && !names.TryAdd(name, nameNode!.Line))
        {
            readers.Report(nameNode!.Line, $"duplicate split variant '{name}' (first at line {names[name]})");
        }

        double? weight = null;
        if (readers.Nodes.Required(map, "weight", "a split variant") is { } weightNode)
        {
            weight = Weight(weightNode);
        }

        if (readers.Nodes.Required(map, "goto", "a split variant") is not { } gotoNode ||
            readers.Nodes.Text(gotoNode, "goto") is not { } target)
        {
            return null;
        }

        state.References.Add(new StepReference(header.Position, target, gotoNode.Line));
        return new SplitVariant(name ?? target, weight ?? 1, target);
    }

    private double? Weight(YamlNode node)
    {
        if (node is YamlScalar { IsPlain: true } s && Yaml.PlainScalar.TryNumber(s.Value, out var w, out _) &&
            double.IsFinite(w) && w > 0)
        {
            return w;
        }

        state.Readers.Report(node.Line, $"split weight must be a positive number, not {Reading.NodeReader.Shown(node)}");
        return null;
    }
}
