using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// <c>x in y</c> at run time: an item of a list, a substring of a string, a key of a map. Null on either
/// side is false. Scans are bounded: a list is read up to <see cref="ExpressionLimits.MaxScannedItems"/>
/// items, a string up to <see cref="ExpressionLimits.MaxStringLength"/> characters.
/// </summary>
internal static class Membership
{
    /// <summary>Membership in a fixed value; a moving left side (a time) may start or stop matching a list item.</summary>
    public static bool IsIn(TimedValue left, Value right, Instant now, ref Instant? horizon)
    {
        if (left.Value.IsNull || right.IsNull)
        {
            return false;
        }

        switch (right.Kind)
        {
            case ValueKind.List:
                var items = right.AsList;
                var found = false;
                var scanned = Math.Min(items.Count, ExpressionLimits.MaxScannedItems);
                for (var i = 0; i < scanned; i++)
                {
                    found |= MatchesItem(left, TimedValue.Fixed(items[i]), now, ref horizon);
                }

                return found;
            case ValueKind.String when left.Value.Kind == ValueKind.String:
                var text = right.AsString!;
                var part = left.Value.AsString!;
                return text.AsSpan(0, Math.Min(text.Length, ExpressionLimits.MaxStringLength))
                    .Contains(part, StringComparison.Ordinal);
            case ValueKind.Map when left.Value.Kind == ValueKind.String:
                return right.AsMap!.ContainsKey(left.Value.AsString!);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="left"/> equals one list item, folding into <paramref name="horizon"/> the
    /// instant at which that could change (the item's own horizon, or a moving value passing it).
    /// </summary>
    public static bool MatchesItem(TimedValue left, TimedValue item, Instant now, ref Instant? horizon)
    {
        horizon = Horizons.Earliest(horizon, item.Horizon);
        if (left.Moves || item.Moves)
        {
            horizon = Horizons.Earliest(horizon, Crossings.FirstFlip(ComparisonOperator.Equal, left, item, now));
        }

        return !item.Value.IsNull && ValueEquality.AreEqual(left.Value, item.Value);
    }
}
