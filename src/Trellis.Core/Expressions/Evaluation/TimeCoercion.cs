using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>
/// Where a time is needed, a string holding an ISO-8601 date ("2026-04-10", midnight UTC) or date-time
/// ("2026-04-10T09:00:00Z") acts as that time: traits often arrive as JSON text.
/// </summary>
internal static class TimeCoercion
{
    /// <summary>No date-time text is longer than this; longer strings are not parsed at all.</summary>
    private const int LongestDateText = 64;

    public static bool TryTime(Value value, out Instant instant)
    {
        switch (value.Kind)
        {
            case ValueKind.Time:
                instant = value.AsTime;
                return true;
            case ValueKind.String when StartsWithIsoDate(value.AsString!):
                return InstantText.TryParse(value.AsString!, out instant);
            default:
                instant = default;
                return false;
        }
    }

    /// <summary>
    /// Only text that begins with an ISO-8601 calendar date (yyyy-mm-dd) is parsed. The general .NET parser
    /// behind <see cref="InstantText"/> would also read "10:00" as ten o'clock on the machine's current
    /// date, which would make results depend on the wall clock: the core must stay pure.
    /// </summary>
    private static bool StartsWithIsoDate(string text) =>
        text.Length is >= 10 and <= LongestDateText
        && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])
        && text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);

    /// <summary>A string next to a time or a duration becomes a time (or null when it is not a date); anything else is unchanged.</summary>
    public static Value AsTimeBeside(Value value, Value other)
    {
        if (value.Kind != ValueKind.String || other.Kind is not (ValueKind.Time or ValueKind.Duration))
        {
            return value;
        }

        return TryTime(value, out var instant) ? Value.Time(instant) : Value.Null;
    }
}
