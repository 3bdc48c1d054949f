using NodaTime;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// Solves when a comparison between values that move with the clock flips. With whole-tick rates the
/// difference left − right is a line a + k·δ over the ticks δ after now, so the first δ ≥ 1 at which the
/// comparison gives another answer is found with integer arithmetic: exact to the tick, no polling.
/// </summary>
internal static class Crossings
{
    /// <summary>The first instant after now at which <c>left op right</c> differs from its value at now; null: never (by the clock alone).</summary>
    public static Instant? FirstFlip(ComparisonOperator op, TimedValue left, TimedValue right, Instant now)
    {
        if (!left.Moves && !right.Moves)
        {
            return null;
        }

        // Kinds that cannot be compared stay incomparable however they move: the answer is constant.
        if (!Ordering.TryTickDifference(left.Value, right.Value, out var a))
        {
            return null;
        }

        if (left.Drifts || right.Drifts)
        {
            return Horizons.Recheck(now);
        }

        Int128 k = (Int128)left.Rate - right.Rate;
        if (k == 0)
        {
            return null;
        }

        var delta = op switch
        {
            ComparisonOperator.Greater => FirstSignChange(a, k),
            ComparisonOperator.GreaterOrEqual => FirstSignChange(a + 1, k),
            ComparisonOperator.Less => FirstSignChange(-a, -k),
            ComparisonOperator.LessOrEqual => FirstSignChange(-a + 1, -k),
            _ => FirstEqualityChange(a, k),
        };
        return delta is { } d ? Horizons.After(now, d) : null;
    }

    /// <summary>
    /// The first δ ≥ 1 at which "b + m·δ &gt; 0" gives another answer than at δ = 0. Every ordering reduces
    /// to this form over integers: x ≥ 0 ⇔ x + 1 &gt; 0, and x &lt; 0 ⇔ −x &gt; 0.
    /// </summary>
    private static Int128? FirstSignChange(Int128 b, Int128 m)
    {
        if (m > 0)
        {
            // Rising: false now, true from the first δ with b + m·δ > 0, i.e. δ > −b/m.
            return b > 0 ? null : (-b) / m + 1;
        }

        // Falling: true now, false from the first δ with b + m·δ ≤ 0, i.e. δ ≥ b/(−m), rounded up.
        return b <= 0 ? null : (b + (-m) - 1) / (-m);
    }

    /// <summary>
    /// For == and !=: equal now means different one tick later; otherwise they become equal only if the line
    /// heads towards zero and lands on it exactly (a rate of 2 can step over it).
    /// </summary>
    private static Int128? FirstEqualityChange(Int128 a, Int128 k)
    {
        if (a == 0)
        {
            return 1;
        }

        var approaching = a > 0 ? k < 0 : k > 0;
        return approaching && a % k == 0 ? -a / k : null;
    }
}
