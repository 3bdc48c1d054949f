namespace Trellis.Core.Expressions.Checking;

/// <summary>
/// What the checker knows about an expression's type before run time. Every type may also be null at
/// run time (a missing value), so null is compatible with everything.
/// </summary>
internal enum StaticType
{
    /// <summary>Not known until run time: profile traits and event properties.</summary>
    Unknown,
    /// <summary>The literal <c>null</c>.</summary>
    Null,
    Bool,
    Number,
    /// <summary>A string that may act as a time (a date literal, or a computed string).</summary>
    String,
    /// <summary>A string literal known not to be a date: it can never act as a time.</summary>
    PlainString,
    Time,
    Duration,
    List,
    Map,
}
