using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>
/// One person's run through one journey (one per key for keyed journeys). Kept small on purpose:
/// millions of these sit in waits for weeks.
/// </summary>
public sealed class JourneyInstance
{
    /// <summary>Index of the journey in <see cref="Journeys.Workspace.Journeys"/>.</summary>
    public int Journey { get; set; }

    /// <summary>Index of the current step.</summary>
    public int Step { get; set; }

    /// <summary>Per-person sequence number of this instance: part of the logical send key.</summary>
    public int Number { get; set; }

    public Instant EnteredAt { get; set; }

    /// <summary>When the instance wakes (see <see cref="Reason"/>); meaningless when the reason is None.</summary>
    public Instant WakeAt { get; set; }

    public WakeReason Reason { get; set; }

    public bool Holdout { get; set; }

    /// <summary>Set when the instance ends during a turn; it is removed when the turn finishes.</summary>
    public bool Ended { get; set; }

    /// <summary>Time of the input that caused the current wait: same-instant wakes are ordered by it.</summary>
    public Instant CauseAt { get; set; }

    public string? Key { get; set; }

    /// <summary>The event that brought the person in (<c>journey.event</c>), or null for segment/date/schedule entries.</summary>
    public EventRecord? EnterEvent { get; set; }

    /// <summary>Outcome flags per step index, allocated on the first send.</summary>
    public StepOutcomeFlags[]? Outcomes { get; set; }

    public void MarkOutcome(int step, int stepCount, StepOutcomeFlags flag)
    {
        Outcomes ??= new StepOutcomeFlags[stepCount];
        Outcomes[step] |= flag;
    }

    public StepOutcomeFlags OutcomeOf(int step) => Outcomes is { } o && step < o.Length ? o[step] : StepOutcomeFlags.None;
}
