using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>exit:</c> — a list of rules <c>{event: name, when: expr}</c> or <c>{when: expr}</c>.</summary>
internal sealed class ExitRuleReader(FileReaders readers)
{
    private static readonly string[] Fields = ["event", "when"];

    public IReadOnlyList<ExitRule> Read(YamlNode node)
    {
        if (node is YamlMapping)
        {
            readers.Report(node.Line, "exit must be a list of rules, e.g. - event: order_completed");
            return [];
        }

        if (readers.Nodes.List(node, "exit") is not { } list)
        {
            return [];
        }

        var rules = new List<ExitRule>();
        foreach (var item in list.Items)
        {
            if (ReadRule(item) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private ExitRule? ReadRule(YamlNode node)
    {
        if (readers.Nodes.Mapping(node, "an exit rule") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "exit rule", Fields);
        var eventNode = map.Get("event");
        var whenNode = map.Get("when");
        if (eventNode is null && whenNode is null)
        {
            readers.Report(map.Line, "an exit rule needs 'event', 'when' or both");
            return null;
        }

        var name = eventNode is null ? null : readers.Nodes.Text(eventNode, "event");
        Expression? when = whenNode is null ? null : readers.Expressions.Read(whenNode, "when", ExpressionUse.Condition);
        return (eventNode is null || name is not null) && (whenNode is null || when is not null)
            ? new ExitRule(name, when)
            : null;
    }
}
