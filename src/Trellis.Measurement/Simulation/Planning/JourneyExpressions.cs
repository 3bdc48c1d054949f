using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Measurement.Simulation.Planning;

/// <summary>Every expression of a journey (entry, goal, exits, steps): to find the events, traits and step outcomes it reads.</summary>
public static class JourneyExpressions
{
    public static IEnumerable<Expression> Of(JourneyDefinition j) => j.Expressions();

    /// <summary>The events that move a journey: its entry event, goal, exit rules and wait_for steps, and those its expressions count.</summary>
    public static IEnumerable<string> EventsUsed(JourneyDefinition j)
    {
        if (j.Entry.Trigger is EventTrigger e)
        {
            yield return e.EventName;
        }

        if (j.Goal?.EventName is { } goal)
        {
            yield return goal;
        }

        foreach (var x in j.Exits)
        {
            if (x.EventName is { } name)
            {
                yield return name;
            }
        }

        foreach (var s in j.Steps)
        {
            if (s is WaitForStep w)
            {
                yield return w.EventName;
            }
        }

        foreach (var expression in Of(j))
        {
            foreach (var name in expression.ReferencedEvents)
            {
                yield return name;
            }
        }
    }
}
