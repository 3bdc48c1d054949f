using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>
/// One person's run through one journey (one per key for keyed journeys). Kept small on purpose — millions of
/// these sit in waits for weeks: times are stored as ticks, the small fields share one packed word, steps sent
/// are a bit mask, and what few instances need (a key, engagement feedback) lives in <see cref="Rare"/>.
/// 72 bytes on a 64-bit runtime.
/// </summary>
public sealed class JourneyInstance
{
    // _packed: journey index (bits 0–10), step index (11–26), wake reason (27–28), holdout (29), ended (30),
    // instance number (32–63).
    private const int StepShift = 11;
    private const int ReasonShift = 27;
    private const int NumberShift = 32;
    private const ulong JourneyMask = MaxJourneyIndex;
    private const ulong StepMask = (ulong)MaxStepIndex << StepShift;
    private const ulong ReasonMask = 0x3UL << ReasonShift;
    private const ulong HoldoutBit = 1UL << 29;
    private const ulong EndedBit = 1UL << 30;
    private const ulong NumberMask = 0xFFFF_FFFFUL << NumberShift;

    /// <summary>The largest journey index an instance can hold (send logs pack journey indices in 11 bits too).</summary>
    public const int MaxJourneyIndex = 0x7FF;

    /// <summary>The largest step index an instance can hold.</summary>
    public const int MaxStepIndex = 0xFFFF;

    private ulong _packed;
    private long _enteredAt;
    private long _wakeAt;
    private long _causeAt;

    /// <summary>Index of the journey in the compiled workspace.</summary>
    public int Journey
    {
        get => (int)(_packed & JourneyMask);
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)value, (uint)MaxJourneyIndex, nameof(value));
            _packed = (_packed & ~JourneyMask) | (uint)value;
        }
    }

    /// <summary>Index of the current step.</summary>
    public int Step
    {
        get => (int)((_packed & StepMask) >> StepShift);
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)value, (uint)MaxStepIndex, nameof(value));
            _packed = (_packed & ~StepMask) | ((ulong)(uint)value << StepShift);
        }
    }

    /// <summary>Per-person sequence number of this instance: part of the logical send key.</summary>
    public int Number
    {
        get => (int)(uint)(_packed >> NumberShift);
        set => _packed = (_packed & ~NumberMask) | ((ulong)(uint)value << NumberShift);
    }

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

    /// <summary>The wake time in Unix ticks, read without building an <see cref="Instant"/> (the shell's timer scan).</summary>
    public long WakeAtTicks => _wakeAt;

    /// <summary>Time of the input that caused the current wait: same-instant wakes are ordered by it.</summary>
    public Instant CauseAt
    {
        get => Instant.FromUnixTimeTicks(_causeAt);
        set => _causeAt = value.ToUnixTimeTicks();
    }

    public WakeReason Reason
    {
        get => (WakeReason)((_packed & ReasonMask) >> ReasonShift);
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)value, (byte)3, nameof(value));
            _packed = (_packed & ~ReasonMask) | ((ulong)(byte)value << ReasonShift);
        }
    }

    public bool Holdout
    {
        get => (_packed & HoldoutBit) != 0;
        set => _packed = value ? _packed | HoldoutBit : _packed & ~HoldoutBit;
    }

    /// <summary>Set when the instance ends during a turn; it is removed when the turn finishes.</summary>
    public bool Ended
    {
        get => (_packed & EndedBit) != 0;
        set => _packed = value ? _packed | EndedBit : _packed & ~EndedBit;
    }

    /// <summary>The entry key of a keyed journey's instance; null for unkeyed journeys.</summary>
    public string? Key
    {
        get => Rare?.Key;
        set
        {
            if (value is not null || Rare is not null)
            {
                (Rare ??= new InstanceExtras()).Key = value;
            }
        }
    }

    /// <summary>The event that brought the person in (<c>journey.event</c>), or null for segment/date/schedule entries.</summary>
    public EventRecord? EnterEvent { get; set; }

    /// <summary>Delivered/opened/clicked per step index, allocated on the first feedback (sends are in a bit mask).</summary>
    public StepOutcomeFlags[]? Feedback => Rare?.Feedback;

    /// <summary>The parts few instances need; null until one is set.</summary>
    public InstanceExtras? Rare { get; private set; }

    /// <summary>Bit i set: step i sent (steps beyond 64 keep their flags in <see cref="Feedback"/>).</summary>
    public ulong SentMask { get; set; }

    public void MarkOutcome(int step, int stepCount, StepOutcomeFlags flag)
    {
        if (flag == StepOutcomeFlags.Sent && step < 64)
        {
            SentMask |= 1UL << step;
            return;
        }

        var rare = Rare ??= new InstanceExtras();
        rare.Feedback ??= new StepOutcomeFlags[stepCount];
        rare.Feedback[step] |= flag;
    }

    public StepOutcomeFlags OutcomeOf(int step)
    {
        var flags = Rare?.Feedback is { } f && step < f.Length ? f[step] : StepOutcomeFlags.None;
        return step < 64 && (SentMask & (1UL << step)) != 0 ? flags | StepOutcomeFlags.Sent : flags;
    }
}
