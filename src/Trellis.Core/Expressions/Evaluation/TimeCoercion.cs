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
            case ValueKind.String when value.AsString!.Length <= LongestDateText:
                return InstantText.TryParse(value.AsString, out instant);
            default:
                instant = default;
                return false;
        }
    }

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
