using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// What a node evaluates to: the value at now, and how it goes on with no new input. A time or duration may
/// move with the clock: over [now, <see cref="Horizon"/>) it equals <see cref="Value"/> + <see cref="Rate"/> × (t − now).
/// Knowing the law, a comparison can solve the exact instant it flips instead of being polled.
/// </summary>
/// <param name="Value">The value at now.</param>
/// <param name="Rate">Ticks gained per tick of the clock: 0 for a fixed value, 1 for <c>now</c> and <c>since(t)</c>.</param>
/// <param name="Drifts">Moves at a rate that is not a whole number (scaled by a fraction): crossings are not solved exactly.</param>
/// <param name="Horizon">The earliest instant after now at which the law may stop holding (an event ageing out); null: never.</param>
internal readonly record struct TimedValue(Value Value, long Rate, bool Drifts, Instant? Horizon)
{
    /// <summary>Largest rate kept exact; beyond it (absurd scalings) the value is treated as drifting.</summary>
    public const long MaxExactRate = 1L << 20;

    /// <summary>True when the value changes continuously with the clock.</summary>
    public bool Moves => Rate != 0 || Drifts;

    public static TimedValue Fixed(Value value, Instant? horizon = null) => new(value, 0, false, horizon);

    /// <summary>A value following a law; rates only make sense for times and durations, and are dropped elsewhere.</summary>
    public static TimedValue Moving(Value value, long rate, bool drifts, Instant? horizon)
    {
        if (value.Kind is not (ValueKind.Time or ValueKind.Duration))
        {
            return Fixed(value, horizon);
        }

        return Math.Abs(rate) > MaxExactRate
            ? new TimedValue(value, 0, true, horizon)
            : new TimedValue(value, drifts ? 0 : rate, drifts, horizon);
    }
}
