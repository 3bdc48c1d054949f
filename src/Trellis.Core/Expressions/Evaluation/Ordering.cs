using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// <c>&lt; &lt;= &gt; &gt;=</c> at run time: numbers, strings (ordinal), times and durations; a date string
/// compared with a time acts as a time. Anything else, null included, compares false.
/// </summary>
internal static class Ordering
{
    public static bool Holds(ComparisonOperator op, Value left, Value right)
    {
        if (Compare(left, right) is not { } sign)
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.Less => sign < 0,
            ComparisonOperator.LessOrEqual => sign <= 0,
            ComparisonOperator.Greater => sign > 0,
            ComparisonOperator.GreaterOrEqual => sign >= 0,
            _ => false,
        };
    }

    /// <summary>The sign of left − right, or null when the two cannot be ordered.</summary>
    private static int? Compare(Value left, Value right)
    {
        if (left.Kind == ValueKind.Number && right.Kind == ValueKind.Number)
        {
            return left.AsNumber.CompareTo(right.AsNumber);
        }

        if (left.Kind == ValueKind.String && right.Kind == ValueKind.String)
        {
            return Math.Sign(string.CompareOrdinal(left.AsString, right.AsString));
        }

        return TryTickDifference(left, right, out var difference) ? difference.CompareTo(Int128.Zero) : null;
    }

    /// <summary>
    /// left − right in ticks, for two times (a date string counting as a time) or two durations: the form in
    /// which a crossing with a moving value is solved.
    /// </summary>
    public static bool TryTickDifference(Value left, Value right, out Int128 difference)
    {
        if (left.Kind == ValueKind.Duration && right.Kind == ValueKind.Duration)
        {
            difference = (Int128)left.AsDuration.BclCompatibleTicks - right.AsDuration.BclCompatibleTicks;
            return true;
        }

        var timeInvolved = left.Kind == ValueKind.Time || right.Kind == ValueKind.Time;
        if (timeInvolved && TimeCoercion.TryTime(left, out var l) && TimeCoercion.TryTime(right, out var r))
        {
            difference = (Int128)l.ToUnixTimeTicks() - r.ToUnixTimeTicks();
            return true;
        }

        difference = 0;
        return false;
    }
}
