using static Trellis.Templates.Helpers.HelperValues;

namespace Trellis.Templates.Helpers;

/// <summary>
/// Equality and ordering for <c>eq</c>, <c>ne</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>.
/// Handlebars.Net passes <c>2.5</c> as text and <c>2</c> as an int, while model numbers are doubles, so a
/// number compares by value with another number or with numeric text. Missing equals only missing
/// (as <c>==</c> treats null in journey expressions); an ordering with a missing side is false.
/// </summary>
internal static class ValueComparison
{
    public static bool AreEqual(object? left, object? right)
    {
        var leftMissing = IsMissing(left);
        var rightMissing = IsMissing(right);
        if (leftMissing || rightMissing)
        {
            return leftMissing && rightMissing;
        }

        if ((IsNumber(left) || IsNumber(right))
            && TryGetNumber(left, allowText: true, out var a)
            && TryGetNumber(right, allowText: true, out var b))
        {
            return a.Equals(b);
        }

        return (left, right) switch
        {
            (string l, string r) => string.Equals(l, r, StringComparison.Ordinal),
            (bool l, bool r) => l == r,
            _ => Equals(left, right),
        };
    }

    /// <summary>Sign of left − right: numbers by value, then times by instant, then text ordinally; null when incomparable.</summary>
    public static int? Compare(object? left, object? right)
    {
        if (IsMissing(left) || IsMissing(right))
        {
            return null;
        }

        if (TryGetNumber(left, allowText: true, out var a) && TryGetNumber(right, allowText: true, out var b))
        {
            return double.IsNaN(a) || double.IsNaN(b) ? null : a.CompareTo(b);
        }

        if (TryGetInstant(left, out var t1) && TryGetInstant(right, out var t2))
        {
            return t1.CompareTo(t2);
        }

        if (left is string l && right is string r)
        {
            return Math.Sign(string.CompareOrdinal(l, r));
        }

        return null;
    }
}
