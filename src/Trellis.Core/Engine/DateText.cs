using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>Reads a calendar date from a trait: "2026-04-10", or a date-time whose date is taken in the person's zone.</summary>
internal static class DateText
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    public static bool TryParseDate(string text, DateTimeZone zone, out LocalDate date)
    {
        var result = IsoDate.Parse(text.Trim());
        if (result.Success)
        {
            date = result.Value;
            return true;
        }

        if (InstantText.TryParse(text, out var instant))
        {
            date = instant.InZone(zone).Date;
            return true;
        }

        date = default;
        return false;
    }
}
