using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine;

/// <summary>
/// Which events a workspace's expressions read from history (count, performed, last). Only those are kept per
/// person: an event that no expression counts costs nothing to remember.
/// </summary>
internal static class HistoryEvents
{
    public static HashSet<string> Of(Workspace workspace)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var journey in workspace.Journeys)
        {
            foreach (var expression in Expressions(journey))
            {
                names.UnionWith(expression.ReferencedEvents);
            }
        }

        return names;
    }

    private static IEnumerable<Expression> Expressions(JourneyDefinition j)
    {
        var entry = j.Entry;
        IEnumerable<Expression?> all =
        [
            entry.Key,
            entry.Trigger switch
            {
                EventTrigger e => e.When,
                SegmentTrigger s => s.Condition,
                ScheduleTrigger c => c.Audience,
                _ => null,
            },
            j.Goal?.When, j.Goal?.Value,
            .. j.Exits.Select(x => x.When),
            .. j.Steps.SelectMany(StepExpressions),
        ];
        return all.OfType<Expression>();
    }

    private static IEnumerable<Expression?> StepExpressions(StepDefinition step) => step switch
    {
        WaitStep w => [w.Until],
        WaitForStep w => [w.When],
        BranchStep b => b.Cases.Select(c => c.When),
        UpdateStep u => u.Set.Select(kv => (Expression?)kv.Value),
        _ => [],
    };
}
