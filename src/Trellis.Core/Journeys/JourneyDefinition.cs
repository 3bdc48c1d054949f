namespace Trellis.Core.Journeys;

/// <summary>A validated journey, its steps resolved to indices. Built by the content loader; read-only for the engine.</summary>
public sealed class JourneyDefinition
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    /// <summary>0–100; higher wins arbitration between journeys.</summary>
    public int Priority { get; init; }

    /// <summary>Subscription topic whose consent marketing sends need; null for none.</summary>
    public string? Topic { get; init; }

    /// <summary>Transactional journeys need no topic consent and never count toward caps.</summary>
    public bool Transactional { get; init; }

    public required EntryDefinition Entry { get; init; }

    public IReadOnlyList<ExitRule> Exits { get; init; } = [];

    public GoalDefinition? Goal { get; init; }

    /// <summary>Percent (0–100) of entrants kept as the control group.</summary>
    public double HoldoutPercent { get; init; }

    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>Every expression of the journey (entry key and condition, goal, exits, steps): what it reads.</summary>
    public IEnumerable<Expressions.Expression> Expressions()
    {
        IEnumerable<Expressions.Expression?> all =
        [
            Entry.Key,
            Entry.Trigger switch
            {
                EventTrigger e => e.When,
                SegmentTrigger s => s.Condition,
                ScheduleTrigger c => c.Audience,
                _ => null,
            },
            Goal?.When, Goal?.Value,
            .. Exits.Select(x => x.When),
            .. Steps.SelectMany(StepExpressions),
        ];
        return all.OfType<Expressions.Expression>();
    }

    private static IEnumerable<Expressions.Expression?> StepExpressions(StepDefinition step) => step switch
    {
        WaitStep w => [w.Until],
        WaitForStep w => [w.When],
        BranchStep b => b.Cases.Select(c => c.When),
        UpdateStep u => u.Set.Select(kv => (Expressions.Expression?)kv.Value),
        _ => [],
    };

    public StepDefinition? FindStep(string id)
    {
        foreach (var s in Steps)
        {
            if (s.Id == id)
            {
                return s;
            }
        }

        return null;
    }
}
