using NodaTime;
using NodaTime.TimeZones;

namespace Trellis.Core.Engine;

/// <summary>Local-time arithmetic across time zones and DST changes (pure functions; property-tested).</summary>
public static class LocalTimes
{
    /// <summary>Skipped local times map to the end of the gap (not shifted by its length); repeated ones to the earlier.</summary>
    private static readonly ZoneLocalMappingResolver GapEndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>
    /// The first instant at or after <paramref name="now"/> at which the local clock in <paramref name="zone"/>
    /// shows <paramref name="time"/>. A time skipped by a DST gap resolves to the moment the gap ends; a
    /// repeated time to its first occurrence, or to the second when the first is already past.
    /// </summary>
    public static Instant NextAtOrAfter(Instant now, DateTimeZone zone, LocalTime time)
    {
        var date = now.InZone(zone).LocalDateTime.Date.PlusDays(-1);
        for (var i = 0; i < 4; i++)
        {
            // A repeated local time has two instants: the later one still counts when the first is past.
            var mapping = zone.MapLocal(date.PlusDays(i) + time);
            if (mapping.Count == 0)
            {
                var gapEnd = Resolve(date.PlusDays(i) + time, zone);
                if (gapEnd >= now)
                {
                    return gapEnd;
                }

                continue;
            }

            if (mapping.First().ToInstant() >= now)
            {
                return mapping.First().ToInstant();
            }

            if (mapping.Count == 2 && mapping.Last().ToInstant() >= now)
            {
                return mapping.Last().ToInstant();
            }
        }

        return Resolve(date.PlusDays(4) + time, zone);
    }

    /// <summary>Maps a local date-time to an instant: gaps move forward to the end of the gap, overlaps take the earlier.</summary>
    public static Instant Resolve(LocalDateTime local, DateTimeZone zone) => local.InZone(zone, GapEndResolver).ToInstant();

    /// <summary>Whether local time-of-day <paramref name="t"/> lies in [start, end), a period that may span midnight.</summary>
    public static bool InPeriod(LocalTime t, LocalTime start, LocalTime end)
    {
        if (start == end)
        {
            return false;
        }

        return start < end ? t >= start && t < end : t >= start || t < end;
    }

    /// <summary>
    /// If <paramref name="now"/> is inside the quiet period [start, end) in the zone, the instant it ends;
    /// otherwise null.
    /// </summary>
    public static Instant? QuietUntil(Instant now, DateTimeZone zone, LocalTime start, LocalTime end)
    {
        var local = now.InZone(zone).LocalDateTime;
        if (!InPeriod(local.TimeOfDay, start, end))
        {
            return null;
        }

        var until = NextAtOrAfter(now, zone, end);
        // The end may resolve to the current instant when `now` is inside a DST overlap: step past it.
        return until > now ? until : NextAtOrAfter(now + Duration.FromTicks(1), zone, end);
    }
}
