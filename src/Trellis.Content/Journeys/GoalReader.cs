using NodaTime;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>goal: {event, when, within, value}</c>; it needs an event, a condition or both.</summary>
internal sealed class GoalReader(FileReaders readers)
{
    private static readonly string[] Fields = ["event", "when", "within", "value"];

    public GoalDefinition? Read(YamlNode node)
    {
        if (readers.Nodes.Mapping(node, "goal") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "goal", Fields);
        var eventNode = map.Get("event");
        var whenNode = map.Get("when");
        if (eventNode is null && whenNode is null)
        {
            readers.Report(map.Line, "goal needs 'event', 'when' or both");
        }

        var name = eventNode is null ? null : readers.Nodes.Text(eventNode, "event");
        Expression? when = whenNode is null ? null : readers.Expressions.Read(whenNode, "when", ExpressionUse.Condition);
        Duration? within = map.Get("within") is { } w ? readers.Times.PositiveDuration(w, "within") : null;
        Expression? value = map.Get("value") is { } v ? readers.Expressions.Read(v, "value", ExpressionUse.Number) : null;
        return new GoalDefinition(name, when, within, value);
    }
}
