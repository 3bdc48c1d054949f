using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Trellis.Core.Time;

/// <summary>Local times of day written as "HH:mm" (24-hour), as in <c>at: "09:00"</c> and quiet hours.</summary>
public static class TimeOfDayText
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static bool TryParse(string? text, out LocalTime time)
    {
        time = default;
        if (text is null)
        {
            return false;
        }

        var result = Pattern.Parse(text.Trim());
        if (result.Success)
        {
            time = result.Value;
            return true;
        }

        return false;
    }

    public static string Format(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
