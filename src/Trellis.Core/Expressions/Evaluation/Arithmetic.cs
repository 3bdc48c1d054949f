using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// Run-time arithmetic on numbers, times and durations, carrying the rate at which moving operands change.
/// Never throws: null operands, mismatched types, division by zero and overflow all give null.
/// </summary>
internal static class Arithmetic
{
    public static TimedValue Apply(ArithmeticOperator op, TimedValue left, TimedValue right)
    {
        var horizon = Horizons.Earliest(left.Horizon, right.Horizon);
        var l = TimeCoercion.AsTimeBeside(left.Value, right.Value);
        var r = TimeCoercion.AsTimeBeside(right.Value, left.Value);
        var drifts = left.Drifts || right.Drifts;

        return (op, l.Kind, r.Kind) switch
        {
            (_, ValueKind.Number, ValueKind.Number) => TimedValue.Fixed(Numbers(op, l.AsNumber, r.AsNumber), horizon),
            (ArithmeticOperator.Add, ValueKind.Time, ValueKind.Duration) =>
                Time(Ticks(l) + Ticks(r), left.Rate + right.Rate, drifts, horizon),
            (ArithmeticOperator.Add, ValueKind.Duration, ValueKind.Time) =>
                Time(Ticks(l) + Ticks(r), left.Rate + right.Rate, drifts, horizon),
            (ArithmeticOperator.Subtract, ValueKind.Time, ValueKind.Duration) =>
                Time(Ticks(l) - Ticks(r), left.Rate - right.Rate, drifts, horizon),
            (ArithmeticOperator.Subtract, ValueKind.Time, ValueKind.Time) =>
                Span(Ticks(l) - Ticks(r), left.Rate - right.Rate, drifts, horizon),
            (ArithmeticOperator.Add, ValueKind.Duration, ValueKind.Duration) =>
                Span(Ticks(l) + Ticks(r), left.Rate + right.Rate, drifts, horizon),
            (ArithmeticOperator.Subtract, ValueKind.Duration, ValueKind.Duration) =>
                Span(Ticks(l) - Ticks(r), left.Rate - right.Rate, drifts, horizon),
            (ArithmeticOperator.Multiply, ValueKind.Number, ValueKind.Duration) => Scale(right, l.AsNumber, horizon),
            (ArithmeticOperator.Multiply, ValueKind.Duration, ValueKind.Number) => Scale(left, r.AsNumber, horizon),
            (ArithmeticOperator.Divide, ValueKind.Duration, ValueKind.Number) => Divide(left, r.AsNumber, horizon),
            _ => TimedValue.Fixed(Value.Null, horizon),
        };
    }

    /// <summary>Unary minus: numbers and durations (a moving duration turns the other way).</summary>
    public static TimedValue Negate(TimedValue operand) => operand.Value.Kind switch
    {
        ValueKind.Number => TimedValue.Fixed(Finite(-operand.Value.AsNumber), operand.Horizon),
        ValueKind.Duration => Span(-Ticks(operand.Value), -operand.Rate, operand.Drifts, operand.Horizon),
        _ => TimedValue.Fixed(Value.Null, operand.Horizon),
    };

    private static Value Numbers(ArithmeticOperator op, double l, double r) => op switch
    {
        ArithmeticOperator.Add => Finite(l + r),
        ArithmeticOperator.Subtract => Finite(l - r),
        ArithmeticOperator.Multiply => Finite(l * r),
        _ => r == 0 ? Value.Null : Finite(l / r),
    };

    /// <summary>Infinities and NaN are not values of the language: an overflowing result is missing.</summary>
    private static Value Finite(double number) => double.IsFinite(number) ? Value.Number(number) : Value.Null;

    private static Int128 Ticks(Value value) =>
        value.Kind == ValueKind.Time ? value.AsTime.ToUnixTimeTicks() : value.AsDuration.BclCompatibleTicks;

    private static TimedValue Time(Int128 unixTicks, long rate, bool drifts, NodaTime.Instant? horizon) =>
        TickMath.TryInstant(unixTicks, out var instant)
            ? TimedValue.Moving(Value.Time(instant), rate, drifts, horizon)
            : TimedValue.Fixed(Value.Null, horizon);

    private static TimedValue Span(Int128 ticks, long rate, bool drifts, NodaTime.Instant? horizon) =>
        TickMath.TryDuration(ticks, out var duration)
            ? TimedValue.Moving(Value.FromDuration(duration), rate, drifts, horizon)
            : TimedValue.Fixed(Value.Null, horizon);

    /// <summary>
    /// number × duration. A whole factor keeps a moving duration exact (its rate is multiplied); a
    /// fractional one makes it drift, because the rounded result no longer follows a whole-tick law.
    /// </summary>
    private static TimedValue Scale(TimedValue duration, double factor, NodaTime.Instant? horizon)
    {
        var ticks = duration.Value.AsDuration.BclCompatibleTicks;
        if (IsWhole(factor))
        {
            var whole = (long)factor;
            // Rates are at most 2^20, so a product within 2^20 × 2^20 cannot overflow; beyond that it drifts.
            var rate = duration.Rate == 0 ? 0
                : Math.Abs(whole) <= TimedValue.MaxExactRate ? duration.Rate * whole
                : long.MaxValue;
            return Span((Int128)ticks * whole, rate, duration.Drifts, horizon);
        }

        return TickMath.TryRound(ticks * factor, out var scaled)
            ? Span(scaled, 0, duration.Drifts || duration.Moves, horizon)
            : TimedValue.Fixed(Value.Null, horizon);
    }

    /// <summary>duration ÷ number: exact for ±1, otherwise rounded (and drifting when the duration moves).</summary>
    private static TimedValue Divide(TimedValue duration, double divisor, NodaTime.Instant? horizon)
    {
        if (divisor == 0 || !double.IsFinite(divisor))
        {
            return TimedValue.Fixed(Value.Null, horizon);
        }

        if (divisor is 1 or -1)
        {
            return Scale(duration, divisor, horizon);
        }

        var ticks = duration.Value.AsDuration.BclCompatibleTicks;
        return TickMath.TryRound(ticks / divisor, out var scaled)
            ? Span(scaled, 0, duration.Drifts || duration.Moves, horizon)
            : TimedValue.Fixed(Value.Null, horizon);
    }

    private static bool IsWhole(double number) =>
        double.IsFinite(number) && Math.Abs(number) <= 1e15 && number == Math.Floor(number);
}
