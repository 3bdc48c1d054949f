namespace Trellis.Core.Expressions.Checking;

/// <summary>How error messages name types: in words a journey author knows.</summary>
internal static class StaticTypeNames
{
    public static string WithArticle(StaticType type) => type switch
    {
        StaticType.Null => "null",
        StaticType.Bool => "a true/false value",
        StaticType.Number => "a number",
        StaticType.String or StaticType.PlainString => "a string",
        StaticType.Time => "a time",
        StaticType.Duration => "a duration",
        StaticType.List => "a list",
        StaticType.Map => "a map",
        _ => "a value",
    };

    /// <summary>
    /// Names the two operand types of a failed operation; a side of unknown type is left out, since only
    /// the known side can be what rules the operation out ("cannot be applied to a true/false value").
    /// </summary>
    public static string Pair(StaticType left, StaticType right, string joiner) =>
        left == StaticType.Unknown ? WithArticle(right)
        : right == StaticType.Unknown ? WithArticle(left)
        : $"{WithArticle(left)} {joiner} {WithArticle(right)}";

    /// <summary>
    /// When a plain string sits next to a time or a duration the author probably meant a date: say how a
    /// string becomes a time.
    /// </summary>
    public static string DateHint(StaticType left, StaticType right)
    {
        var stringAndTime = (left == StaticType.PlainString && right is StaticType.Time or StaticType.Duration)
                            || (right == StaticType.PlainString && left is StaticType.Time or StaticType.Duration);
        return stringAndTime
            ? "; a string acts as a time only when it is a date such as \"2026-04-10\" or \"2026-04-10T09:00:00Z\""
            : "";
    }
}
