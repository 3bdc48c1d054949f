using NCrontab;
using NodaTime;

namespace Trellis.Core.Expressions;

/// <summary>A parsed five-field cron expression, evaluated in a person's local time.</summary>
public sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(CrontabSchedule schedule) => _schedule = schedule;

    public static bool TryParse(string text, out CronSchedule? schedule, out string error)
    {
        schedule = null;
        error = "";
        var parsed = CrontabSchedule.TryParse(text?.Trim() ?? "");
        if (parsed is null)
        {
            error = $"'{text}' is not a cron expression (five fields: minute hour day-of-month month day-of-week)";
            return false;
        }

        schedule = new CronSchedule(parsed);
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="now"/>, in the given zone (skipped local times move forward).</summary>
    public Instant NextAfter(Instant now, DateTimeZone zone)
    {
        var local = now.InZone(zone).LocalDateTime;
        var next = _schedule.GetNextOccurrence(local.ToDateTimeUnspecified());
        var instant = LocalDateTime.FromDateTime(next).InZoneLeniently(zone).ToInstant();
        return instant > now ? instant : NextAfter(instant + Duration.FromMinutes(1), zone);
    }
}
