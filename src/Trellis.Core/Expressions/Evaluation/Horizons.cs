using NodaTime;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>Arithmetic on horizons, where null means "never" (later than any instant).</summary>
internal static class Horizons
{
    public static Instant? Earliest(Instant? a, Instant? b) =>
        a is null ? b : b is null ? a : a.Value <= b.Value ? a : b;

    public static Instant? Latest(Instant? a, Instant? b) =>
        a is null || b is null ? null : a.Value >= b.Value ? a : b;

    /// <summary><paramref name="now"/> plus a (possibly huge) number of ticks; null when beyond the end of time.</summary>
    public static Instant? After(Instant now, Int128 ticks) =>
        TickMath.TryInstant(now.ToUnixTimeTicks() + ticks, out var instant) ? instant : null;

    /// <summary>The very next instant: what a value that moves with the clock reports.</summary>
    public static Instant? NextTick(Instant now) => After(now, 1);

    /// <summary>The documented fallback for a crossing that cannot be solved exactly.</summary>
    public static Instant? Recheck(Instant now) => After(now, ExpressionLimits.UnsolvableRecheck.BclCompatibleTicks);

    /// <summary>A horizon read from the context must lie after now; an inconsistent one is taken as "very soon".</summary>
    public static Instant? StrictlyAfter(Instant now, Instant? horizon) =>
        horizon is { } h && h <= now ? NextTick(now) : horizon;
}
