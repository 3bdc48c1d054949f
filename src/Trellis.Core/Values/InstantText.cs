using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Trellis.Core.Values;

/// <summary>ISO-8601 UTC text for instants, as traces and APIs write them (seconds, fraction only when present).</summary>
public static class InstantText
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    public static string Format(Instant instant) => Pattern.Format(instant);

    /// <summary>Parses an ISO-8601 date-time with an offset or Z, or a bare date (midnight UTC).</summary>
    public static bool TryParse(string text, out Instant instant)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
        {
            instant = Instant.FromDateTimeOffset(dto);
            return true;
        }

        instant = default;
        return false;
    }
}
