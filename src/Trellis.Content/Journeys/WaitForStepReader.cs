using NodaTime;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>wait_for: {event, when, timeout}</c> with the step's <c>on_event</c> / <c>on_timeout</c>.</summary>
internal sealed class WaitForStepReader(JourneyReadState state)
{
    private static readonly string[] Fields = ["event", "when", "timeout"];

    public WaitForStep Read(StepHeader header, YamlNode node)
    {
        var readers = state.Readers;
        var onEvent = Target(header, "on_event");
        var onTimeout = Target(header, "on_timeout");
        var eventName = "";
        Expression? when = null;
        var timeout = Duration.Zero;
        if (readers.Nodes.Mapping(node, "wait_for") is { } map)
        {
            readers.Nodes.CheckFields(map, "wait_for", Fields);
            if (readers.Nodes.Required(map, "event", "wait_for") is { } e)
            {
                eventName = readers.Nodes.Text(e, "event") ?? "";
            }

            if (map.Get("when") is { } w)
            {
                when = readers.Expressions.Read(w, "when", ExpressionUse.Condition) ?? ExpressionReader.Placeholder;
            }

            if (readers.Nodes.Required(map, "timeout", "wait_for") is { } t)
            {
                timeout = readers.Times.PositiveDuration(t, "timeout") ?? Duration.Zero;
            }
        }

        return new WaitForStep(header.Id, header.Location, eventName, when, timeout, onEvent, onTimeout)
        {
            NextId = header.NextId,
        };
    }

    private string? Target(StepHeader header, string field)
    {
        if (header.Mapping.Get(field) is not { } node || state.Readers.Nodes.Text(node, field) is not { } id)
        {
            return null;
        }

        state.References.Add(new StepReference(header.Position, id, node.Line));
        return id;
    }
}
