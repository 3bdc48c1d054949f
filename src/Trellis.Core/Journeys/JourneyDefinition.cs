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
