using NodaTime;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// Range-checked conversions from wide tick counts: arithmetic is done in <see cref="Int128"/> so it cannot
/// overflow, and a result outside what NodaTime can hold becomes null rather than an exception.
/// </summary>
internal static class TickMath
{
    private static readonly long MinInstantTicks = Instant.MinValue.ToUnixTimeTicks();
    private static readonly long MaxInstantTicks = Instant.MaxValue.ToUnixTimeTicks();

    public static bool TryInstant(Int128 unixTicks, out Instant instant)
    {
        if (unixTicks < MinInstantTicks || unixTicks > MaxInstantTicks)
        {
            instant = default;
            return false;
        }

        instant = Instant.FromUnixTimeTicks((long)unixTicks);
        return true;
    }

    public static bool TryDuration(Int128 ticks, out Duration duration)
    {
        if (ticks < long.MinValue + 1 || ticks > long.MaxValue)
        {
            duration = default;
            return false;
        }

        duration = Duration.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Rounds a scaled tick count; null when it does not fit.</summary>
    public static bool TryRound(double ticks, out Int128 rounded)
    {
        if (!double.IsFinite(ticks) || Math.Abs(ticks) >= 9.2e18)
        {
            rounded = 0;
            return false;
        }

        rounded = (long)Math.Round(ticks, MidpointRounding.AwayFromZero);
        return true;
    }
}
