using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Trellis.Core.Engine;

namespace Trellis.Core.Tests.Engine;

public class LocalTimesTests
{
    private static readonly string[] Zones =
    [
        "UTC", "Europe/Berlin", "America/Los_Angeles", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
        "Pacific/Chatham", "America/St_Johns", "Europe/London", "Pacific/Apia", "Asia/Kathmandu", "America/Sao_Paulo",
    ];

    /// <summary>Half the cases fall within two days of a DST transition of the chosen zone, where bugs live.</summary>
    private static Arbitrary<(Instant Now, DateTimeZone Zone, LocalTime Start, LocalTime End)> Cases() =>
        (from zone in Gen.Elements(Zones)
         from nearTransition in Gen.Elements(true, false)
         from seconds in Gen.Choose(0, 3 * 365 * 24 * 3600)
         from aroundSeconds in Gen.Choose(-2 * 24 * 3600, 2 * 24 * 3600)
         from startMinute in Gen.Choose(0, 24 * 60 - 1)
         from endMinute in Gen.Choose(0, 24 * 60 - 1)
         select (At(zone, nearTransition, seconds, aroundSeconds),
             DateTimeZoneProviders.Tzdb[zone],
             LocalTime.FromMinutesSinceMidnight(startMinute),
             LocalTime.FromMinutesSinceMidnight(endMinute))).ToArbitrary();

    private static Instant At(string zoneId, bool nearTransition, int seconds, int aroundSeconds)
    {
        var t = Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromSeconds(seconds);
        if (!nearTransition)
        {
            return t;
        }

        var interval = DateTimeZoneProviders.Tzdb[zoneId].GetZoneInterval(t);
        return interval.HasEnd ? interval.End + Duration.FromSeconds(aroundSeconds) : t;
    }

    [Fact]
    public void Quiet_hours_are_never_broken_in_any_time_zone() =>
        Prop.ForAll(Cases(), c =>
        {
            var until = LocalTimes.QuietUntil(c.Now, c.Zone, c.Start, c.End);
            var quietNow = LocalTimes.InPeriod(c.Now.InZone(c.Zone).TimeOfDay, c.Start, c.End);
            if (until is not { } t)
            {
                return !quietNow;
            }

            // Deferred to a moment that is later, outside the quiet period, and not more than a day (+DST) away.
            return quietNow && t > c.Now && !LocalTimes.InPeriod(t.InZone(c.Zone).TimeOfDay, c.Start, c.End) &&
                   t - c.Now <= Duration.FromHours(26);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Quiet_period_ends_at_the_first_instant_out_of_it() =>
        Prop.ForAll(Cases(), c =>
        {
            if (LocalTimes.QuietUntil(c.Now, c.Zone, c.Start, c.End) is not { } t)
            {
                return true;
            }

            // One minute earlier (if still after now) is still quiet: the deferral is not longer than needed.
            var before = t - Duration.FromMinutes(1);
            return before <= c.Now || LocalTimes.InPeriod(before.InZone(c.Zone).TimeOfDay, c.Start, c.End) ||
                   before.InZone(c.Zone).TimeOfDay < c.End;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Next_local_time_is_at_or_after_now_and_within_a_day() =>
        Prop.ForAll(Cases(), c =>
        {
            var t = LocalTimes.NextAtOrAfter(c.Now, c.Zone, c.Start);
            var local = t.InZone(c.Zone).TimeOfDay;
            // Either the clock shows the time, or the time was skipped by a DST gap and we are at the gap's end.
            var shows = local == c.Start || c.Zone.GetZoneInterval(t).Start == t;
            return t >= c.Now && t - c.Now <= Duration.FromHours(25) && shows;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Spring_forward_gap_resolves_to_the_end_of_the_gap()
    {
        // 2026-03-08 02:30 does not exist in New York (02:00 → 03:00).
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var now = Instant.FromUtc(2026, 3, 8, 5, 0); // 00:00 EST
        var t = LocalTimes.NextAtOrAfter(now, zone, new LocalTime(2, 30));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), t); // 03:00 EDT
    }

    [Fact]
    public void Fall_back_overlap_takes_the_first_occurrence()
    {
        // 2026-11-01 01:30 happens twice in New York; the first is 05:30 UTC (EDT).
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var now = Instant.FromUtc(2026, 11, 1, 4, 0);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), LocalTimes.NextAtOrAfter(now, zone, new LocalTime(1, 30)));
    }

    [Fact]
    public void Quiet_hours_spanning_midnight_defer_to_the_morning()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        var now = Instant.FromUtc(2026, 3, 19, 9, 0); // 02:00 PDT
        var until = LocalTimes.QuietUntil(now, zone, new LocalTime(21, 0), new LocalTime(8, 0));
        Assert.Equal(Instant.FromUtc(2026, 3, 19, 15, 0), until); // 08:00 PDT
    }
}
