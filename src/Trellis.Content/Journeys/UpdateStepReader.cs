using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>update: {set: {trait: expr, …}, unset: [trait]}</c>. Values of <c>set</c> are expressions (<c>'"vip"'</c> is text).</summary>
internal sealed class UpdateStepReader(FileReaders readers)
{
    private static readonly string[] Fields = ["set", "unset"];

    public UpdateStep Read(StepHeader header, YamlNode node)
    {
        var set = new List<KeyValuePair<string, Expression>>();
        var unset = new List<string>();
        if (readers.Nodes.Mapping(node, "update") is { } map)
        {
            readers.Nodes.CheckFields(map, "update", Fields);
            if (!map.Has("set") && !map.Has("unset"))
            {
                readers.Report(map.Line, "update needs 'set', 'unset' or both");
            }

            if (map.Get("set") is { } setNode && readers.Nodes.Mapping(setNode, "set") is { } setMap)
            {
                foreach (var e in setMap.Entries)
                {
                    set.Add(new(e.Name, readers.Expressions.Read(e.Value, e.Name) ?? ExpressionReader.Placeholder));
                }
            }

            if (map.Get("unset") is { } unsetNode)
            {
                ReadUnset(unsetNode, set, unset);
            }
        }

        return new UpdateStep(header.Id, header.Location, set, unset) { NextId = header.NextId };
    }

    private void ReadUnset(YamlNode node, List<KeyValuePair<string, Expression>> set, List<string> unset)
    {
        IReadOnlyList<YamlNode> items = node is YamlSequence list ? list.Items : [node];
        foreach (var item in items)
        {
            if (readers.Nodes.Text(item, "unset") is not { } trait)
            {
                continue;
            }

            if (set.Any(kv => kv.Key == trait))
            {
                readers.Report(item.Line, $"trait '{trait}' is both set and unset");
            }
            else
            {
                unset.Add(trait);
            }
        }
    }
}
