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
    public required Instant At { get; init; }

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

    public Instant? Until { get; init; }

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
    public Instant? EnteredAt { get; init; }
}
