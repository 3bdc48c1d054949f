using System.Text;
using NodaTime;

namespace Trellis.Core.Time;

/// <summary>
/// Durations as journeys write them: <c>30m</c>, <c>48h</c>, <c>14d</c>, <c>2w</c>, compounds such as
/// <c>1d6h</c> or <c>23d3h30m</c>, optionally negative (<c>-21d</c>). Units must go from larger to smaller,
/// each at most once. A day is exactly 24 hours, a week 7 days.
/// </summary>
public static class DurationText
{
    private static readonly (char Unit, long Ticks)[] Units =
    [
        ('w', NodaConstants.TicksPerDay * 7),
        ('d', NodaConstants.TicksPerDay),
        ('h', NodaConstants.TicksPerHour),
        ('m', NodaConstants.TicksPerMinute),
        ('s', NodaConstants.TicksPerSecond),
    ];

    public static bool TryParse(string? text, out Duration duration) => TryParse(text, out duration, out _);

    public static bool TryParse(string? text, out Duration duration, out string error)
    {
        duration = Duration.Zero;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a duration is empty; write one like 30m, 48h, 14d, 2w or 1d6h";
            return false;
        }

        var s = text.Trim();
        var negative = false;
        var i = 0;
        if (s[0] == '-' || s[0] == '+')
        {
            negative = s[0] == '-';
            i = 1;
        }

        var lastUnit = -1;
        long total = 0;
        var any = false;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i >= s.Length)
            {
                error = $"'{text}' is not a duration; write one like 30m, 48h, 14d, 2w or 1d6h";
                return false;
            }

            var unitIndex = Array.FindIndex(Units, u => u.Unit == s[i]);
            if (unitIndex < 0)
            {
                error = $"'{text}' has an unknown unit '{s[i]}'; units are w, d, h, m, s";
                return false;
            }

            if (unitIndex <= lastUnit)
            {
                error = $"'{text}': units must go from larger to smaller, each once (e.g. 1d6h30m)";
                return false;
            }

            if (!long.TryParse(s.AsSpan(start, i - start), out var n) || n > 100_000)
            {
                error = $"'{text}' is too large";
                return false;
            }

            total += n * Units[unitIndex].Ticks;
            lastUnit = unitIndex;
            any = true;
            i++;
        }

        if (!any)
        {
            error = $"'{text}' is not a duration; write one like 30m, 48h, 14d, 2w or 1d6h";
            return false;
        }

        duration = Duration.FromTicks(negative ? -total : total);
        return true;
    }

    /// <summary>Shortest compound text: 1d6h, 30m, 0m; negative durations get a leading minus.</summary>
    public static string Format(Duration duration)
    {
        var ticks = duration.BclCompatibleTicks;
        if (ticks == 0)
        {
            return "0m";
        }

        var sb = new StringBuilder();
        if (ticks < 0)
        {
            sb.Append('-');
            ticks = -ticks;
        }

        foreach (var (unit, size) in Units)
        {
            if (unit == 'w')
            {
                continue;
            }

            var n = ticks / size;
            if (n > 0)
            {
                sb.Append(n).Append(unit);
                ticks -= n * size;
            }
        }

        if (ticks > 0)
        {
            sb.Append(ticks / NodaConstants.TicksPerMillisecond).Append("ms");
        }

        return sb.ToString();
    }
}
