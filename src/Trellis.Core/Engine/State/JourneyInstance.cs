using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>
/// One person's run through one journey (one per key for keyed journeys). Kept small on purpose — millions of
/// these sit in waits for weeks: times are stored as ticks, step outcomes as a bit mask.
/// </summary>
public sealed class JourneyInstance
{
    private long _enteredAt;
    private long _wakeAt;
    private long _causeAt;

    /// <summary>Index of the journey in the compiled workspace.</summary>
    public int Journey { get; set; }

    /// <summary>Index of the current step.</summary>
    public int Step { get; set; }

    /// <summary>Per-person sequence number of this instance: part of the logical send key.</summary>
    public int Number { get; set; }

    public Instant EnteredAt
    {
        get => Instant.FromUnixTimeTicks(_enteredAt);
        set => _enteredAt = value.ToUnixTimeTicks();
    }

    /// <summary>When the instance wakes (see <see cref="Reason"/>); meaningless when the reason is None.</summary>
    public Instant WakeAt
    {
        get => Instant.FromUnixTimeTicks(_wakeAt);
        set => _wakeAt = value.ToUnixTimeTicks();
    }

    /// <summary>Time of the input that caused the current wait: same-instant wakes are ordered by it.</summary>
    public Instant CauseAt
    {
        get => Instant.FromUnixTimeTicks(_causeAt);
        set => _causeAt = value.ToUnixTimeTicks();
    }

    public WakeReason Reason { get; set; }

    public bool Holdout { get; set; }

    /// <summary>Set when the instance ends during a turn; it is removed when the turn finishes.</summary>
    public bool Ended { get; set; }

    public string? Key { get; set; }

    /// <summary>The event that brought the person in (<c>journey.event</c>), or null for segment/date/schedule entries.</summary>
    public EventRecord? EnterEvent { get; set; }

    /// <summary>Delivered/opened/clicked per step index, allocated on the first feedback (sends are in a bit mask).</summary>
    public StepOutcomeFlags[]? Feedback { get; set; }

    /// <summary>Bit i set: step i sent (steps beyond 64 keep their flags in <see cref="Feedback"/>).</summary>
    public ulong SentMask { get; set; }

    public void MarkOutcome(int step, int stepCount, StepOutcomeFlags flag)
    {
        if (flag == StepOutcomeFlags.Sent && step < 64)
        {
            SentMask |= 1UL << step;
            return;
        }

        Feedback ??= new StepOutcomeFlags[stepCount];
        Feedback[step] |= flag;
    }

    public StepOutcomeFlags OutcomeOf(int step)
    {
        var flags = Feedback is { } f && step < f.Length ? f[step] : StepOutcomeFlags.None;
        return step < 64 && (SentMask & (1UL << step)) != 0 ? flags | StepOutcomeFlags.Sent : flags;
    }
}
