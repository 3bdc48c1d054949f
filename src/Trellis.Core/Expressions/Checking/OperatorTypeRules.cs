using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Checking;

/// <summary>
/// The static typing rules of the operators. A side whose type is unknown (or null) stands for every type
/// it could turn out to be: the operation is an error only when no such choice would make it valid, so
/// dynamically typed paths never cause a static error unless the other side rules every type out.
/// </summary>
internal static class OperatorTypeRules
{
    private static readonly StaticType[] RunTimeTypes =
    [
        StaticType.Bool, StaticType.Number, StaticType.String, StaticType.Time,
        StaticType.Duration, StaticType.List, StaticType.Map,
    ];

    /// <summary>The result type of an arithmetic operation, or null when it can never be valid.</summary>
    public static StaticType? Arithmetic(ArithmeticOperator op, StaticType left, StaticType right)
    {
        StaticType? result = null;
        var agreed = true;
        foreach (var l in Candidates(left))
        {
            foreach (var r in Candidates(right))
            {
                if (ConcreteArithmetic(op, l, r) is not { } type)
                {
                    continue;
                }

                agreed &= result is null || result == type;
                result = type;
            }
        }

        if (result is null)
        {
            return null;
        }

        // Arithmetic with null is null; when unknown sides allow different outcomes, the result is unknown.
        return left == StaticType.Null || right == StaticType.Null ? StaticType.Null
            : agreed ? result
            : StaticType.Unknown;
    }

    /// <summary>Whether <c>&lt; &lt;= &gt; &gt;=</c> can ever apply to these types.</summary>
    public static bool CanOrder(StaticType left, StaticType right) =>
        Candidates(left).Any(l => Candidates(right).Any(r => ConcreteOrder(l, r)));

    /// <summary>Whether <c>== !=</c> can ever find these equal: comparing a number with a string is a mistake, not a test.</summary>
    public static bool CanBeEqual(StaticType left, StaticType right) =>
        Candidates(left).Any(l => Candidates(right).Any(r => Family(l) == Family(r) || IsTimeAndString(l, r)));

    /// <summary>The result of unary minus, or null when the operand can never be negated.</summary>
    public static StaticType? Negate(StaticType operand) => operand switch
    {
        StaticType.Number or StaticType.Duration or StaticType.Unknown or StaticType.Null => operand,
        _ => null,
    };

    public static bool IsBoolLike(StaticType type) => type is StaticType.Bool or StaticType.Unknown or StaticType.Null;

    public static bool IsStringLike(StaticType type) =>
        type is StaticType.String or StaticType.PlainString or StaticType.Unknown or StaticType.Null;

    /// <summary>A time, or something that may act as one (a date string, an unknown value).</summary>
    public static bool IsTimeLike(StaticType type) =>
        type is StaticType.Time or StaticType.String or StaticType.Unknown or StaticType.Null;

    private static IEnumerable<StaticType> Candidates(StaticType type) =>
        type is StaticType.Unknown or StaticType.Null ? RunTimeTypes : [type];

    private static StaticType? ConcreteArithmetic(ArithmeticOperator op, StaticType l, StaticType r) => (op, l, r) switch
    {
        (_, StaticType.Number, StaticType.Number) => StaticType.Number,
        (ArithmeticOperator.Add or ArithmeticOperator.Subtract, StaticType.Duration, StaticType.Duration) => StaticType.Duration,
        (ArithmeticOperator.Add or ArithmeticOperator.Subtract, StaticType.Time or StaticType.String, StaticType.Duration) => StaticType.Time,
        (ArithmeticOperator.Add, StaticType.Duration, StaticType.Time or StaticType.String) => StaticType.Time,
        (ArithmeticOperator.Subtract, StaticType.Time, StaticType.Time or StaticType.String) => StaticType.Duration,
        (ArithmeticOperator.Subtract, StaticType.String, StaticType.Time) => StaticType.Duration,
        (ArithmeticOperator.Multiply, StaticType.Number, StaticType.Duration) => StaticType.Duration,
        (ArithmeticOperator.Multiply or ArithmeticOperator.Divide, StaticType.Duration, StaticType.Number) => StaticType.Duration,
        _ => null,
    };

    private static bool ConcreteOrder(StaticType l, StaticType r) =>
        (l == r && l is StaticType.Number or StaticType.Time or StaticType.Duration)
        || (IsString(l) && IsString(r))
        || IsTimeAndString(l, r);

    private static bool IsTimeAndString(StaticType l, StaticType r) =>
        (l == StaticType.Time && r == StaticType.String) || (l == StaticType.String && r == StaticType.Time);

    private static bool IsString(StaticType type) => type is StaticType.String or StaticType.PlainString;

    private static StaticType Family(StaticType type) => IsString(type) ? StaticType.String : type;
}
