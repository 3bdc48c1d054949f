using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.Effects;

/// <summary>
/// One decision of the engine: a trace line (SPEC §5), and for <see cref="EffectType.Send"/> the order to deliver.
/// A struct: the engine emits millions of these in a simulation.
/// </summary>
public readonly record struct Effect
{
    // Times are kept as Unix ticks (8 bytes, no nullable wrapper): effects are copied several times each on the
    // engine's hot path, and the struct carries many references, so every byte saved is a byte less to move.
    private const long NoTime = long.MinValue;
    private readonly long _at;
    private readonly long _until;
    private readonly long _enteredAt;

    public Effect()
    {
        _until = NoTime;
        _enteredAt = NoTime;
    }

    public required Instant At
    {
        get => FromTicks(_at);
        init => _at = ToTicks(value);
    }

    public required EffectType Type { get; init; }

    public required string User { get; init; }

    public required string Journey { get; init; }

    /// <summary>Per-person number of the journey instance; with user, journey and step the logical send key.</summary>
    public int Instance { get; init; }

    public string? Step { get; init; }

    public Channel? Channel { get; init; }

    public string? Template { get; init; }

    /// <summary>Skip/defer reason (consent, suppressed, …) or exit reason.</summary>
    public string? Reason { get; init; }

    public Instant? Until
    {
        get => _until == NoTime ? null : FromTicks(_until);
        init => _until = value is { } t ? ToTicks(t) : NoTime;
    }

    public Outcome Outcome { get; init; }

    /// <summary>Goal value (converted revenue), or null.</summary>
    public Value Value { get; init; }

    /// <summary>Split arm chosen on a split step.</summary>
    public string? Variant { get; init; }

    public string? Key { get; init; }

    /// <summary>On enter: the person is in the journey's holdout (control) group.</summary>
    public bool Holdout { get; init; }

    /// <summary>On send: whether it is a marketing send (counts toward caps, needs consent).</summary>
    public bool Marketing { get; init; }

    /// <summary>On send: the event that brought the person in (the template's <c>event</c>), or null.</summary>
    public State.EventRecord? EnterEvent { get; init; }

    /// <summary>On send: when the instance entered (the template's <c>journey.entered_at</c>).</summary>
    public Instant? EnteredAt
    {
        get => _enteredAt == NoTime ? null : FromTicks(_enteredAt);
        init => _enteredAt = value is { } t ? ToTicks(t) : NoTime;
    }

    // "Never" (a deferral until Instant.MaxValue) round-trips exactly; other instants are kept to the tick, as the engine's clock is.
    private static long ToTicks(Instant t) => t == Instant.MaxValue ? long.MaxValue : t.ToUnixTimeTicks();

    private static Instant FromTicks(long ticks) => ticks == long.MaxValue ? Instant.MaxValue : Instant.FromUnixTimeTicks(ticks);
}
