using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// <c>==</c> at run time. Null is an ordinary value (null == null). A date string equals the time it denotes.
/// Lists and maps compare item by item, reading at most <see cref="ExpressionLimits.MaxScannedItems"/> items
/// in all and nesting at most <see cref="MaxNesting"/> deep: past that they count as different, so a huge
/// trait can make a comparison neither expensive nor stack-hungry.
/// </summary>
internal static class ValueEquality
{
    private const int MaxNesting = 64;

    public static bool AreEqual(Value left, Value right)
    {
        if ((left.Kind == ValueKind.Time && right.Kind == ValueKind.String)
            || (left.Kind == ValueKind.String && right.Kind == ValueKind.Time))
        {
            return TimeCoercion.TryTime(left, out var l) && TimeCoercion.TryTime(right, out var r) && l == r;
        }

        var budget = ExpressionLimits.MaxScannedItems;
        return Deep(left, right, 0, ref budget);
    }

    private static bool Deep(Value left, Value right, int nesting, ref int budget)
    {
        if (left.Kind != right.Kind || nesting > MaxNesting)
        {
            return false;
        }

        return left.Kind switch
        {
            ValueKind.List => Lists(left.AsList, right.AsList, nesting + 1, ref budget),
            ValueKind.Map => Maps(left.AsMap!, right.AsMap!, nesting + 1, ref budget),
            _ => left.Equals(right),
        };
    }

    private static bool Lists(IReadOnlyList<Value> left, IReadOnlyList<Value> right, int nesting, ref int budget)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (--budget < 0 || !Deep(left[i], right[i], nesting, ref budget))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Maps(IReadOnlyDictionary<string, Value> left, IReadOnlyDictionary<string, Value> right, int nesting, ref int budget)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (--budget < 0 || !right.TryGetValue(key, out var other) || !Deep(value, other, nesting, ref budget))
            {
                return false;
            }
        }

        return true;
    }
}
