using System.Globalization;
using NodaTime;

namespace Trellis.Templates.Helpers;

/// <summary>
/// Validation of the format strings and time zones that <c>date</c> and <c>number</c> take, shared by the
/// checker (literal arguments are checked before anything runs) and the helpers (values read from data).
/// </summary>
internal static class FormatStrings
{
    private static readonly DateTimeOffset SampleTime = new(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);

    public static bool IsValidDateFormat(string format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return false;
        }

        try
        {
            _ = SampleTime.ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool IsValidNumberFormat(string format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return false;
        }

        try
        {
            _ = 1234.5.ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>An IANA zone ("Europe/Paris") or "UTC"; null when unknown.</summary>
    public static DateTimeZone? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var trimmed = id.Trim();
        return trimmed is "UTC" or "Z" or "utc" ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed);
    }
}
