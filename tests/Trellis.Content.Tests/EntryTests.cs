using Trellis.Content.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Content.Tests;

/// <summary>The entry block: one trigger, reentry, key, date and schedule triggers.</summary>
public class EntryTests
{
    private const string Steps = """
        steps:
          - id: hello
            send: {channel: email, template: welcome}
        """;

    private static string[] Check(string entry) => JourneyCheck.Diagnostics("journey: bad\n" + entry + "\n" + Steps);

    private static JourneyDefinition Load(string entry)
    {
        using var content = JourneyCheck.WithTemplates().Write(JourneyCheck.File, "journey: bad\n" + entry + "\n" + Steps);
        var set = content.Load(JourneyCheck.File);
        Assert.Empty(set.Diagnostics);
        return set.Journeys[0];
    }

    [Fact]
    public void Missing_entry()
    {
        Assert.Equal(["journeys/bad.journey.yaml:1: a journey file needs 'entry'"], Check("name: x"));
    }

    [Fact]
    public void Entry_with_no_trigger()
    {
        Assert.Equal(["journeys/bad.journey.yaml:3: entry needs one trigger: event, segment, date or schedule"],
            Check("entry:\n  reentry: always"));
    }

    [Fact]
    public void Entry_with_several_triggers()
    {
        Assert.Equal(["journeys/bad.journey.yaml:4: entry has several triggers (event, segment); use exactly one"],
            Check("entry:\n  event: signed_up\n  segment: 'profile.plan == \"pro\"'"));
    }

    [Fact]
    public void When_goes_with_an_event_trigger_only()
    {
        Assert.Equal(["journeys/bad.journey.yaml:4: 'when' in entry goes with an event trigger; a segment entry cannot use it"],
            Check("entry:\n  segment: 'profile.plan == \"pro\"'\n  when: 'profile.age > 3'"));
    }

    [Theory]
    [InlineData("reentry: sometimes", "reentry must be never, always or {after: duration} (e.g. {after: 30d}), not 'sometimes'")]
    [InlineData("reentry: allways", "reentry must be never, always or {after: duration} (e.g. {after: 30d}), not 'allways'; did you mean 'always'?")]
    [InlineData("reentry: {after: soon}", "after: 'soon' is not a duration; write one like 30m, 48h, 14d, 2w or 1d6h")]
    [InlineData("reentry: {after: 0d}", "after: must be more than zero, not '0d'")]
    [InlineData("reentry: {aftr: 3d}", "unknown field 'aftr' in reentry; did you mean 'after'?")]
    public void Bad_reentry(string reentry, string message)
    {
        var d = Check("entry:\n  event: signed_up\n  " + reentry);
        Assert.Equal($"journeys/bad.journey.yaml:4: {message}", d[0]);
    }

    [Fact]
    public void Reentry_values_are_read()
    {
        Assert.Equal(Reentry.Never, Load("entry:\n  event: a").Entry.Reentry);
        Assert.Equal(Reentry.Always, Load("entry:\n  event: a\n  reentry: always").Entry.Reentry);
        var after = Load("entry:\n  event: a\n  reentry: {after: 30d}").Entry.Reentry;
        Assert.Equal(ReentryMode.After, after.Mode);
        Assert.Equal(NodaTime.Duration.FromDays(30), after.After);
    }

    [Fact]
    public void Bad_key_expression()
    {
        Assert.Equal(["journeys/bad.journey.yaml:4: key: expression error at column 7: expected a name after '.' but found '.'"],
            Check("entry:\n  event: order_completed\n  key: event..order_id"));
    }

    [Fact]
    public void Date_offset_must_be_whole_days()
    {
        Assert.Equal(
            ["journeys/bad.journey.yaml:3: offset: '-21d3h' is not a whole number of days; a date offset moves the calendar date (e.g. -21d)"],
            Check("entry:\n  date: {trait: renewal_date, offset: -21d3h, at: \"09:00\"}"));
    }

    [Fact]
    public void Date_at_must_be_a_time_of_day()
    {
        Assert.Equal(
            ["journeys/bad.journey.yaml:3: at: '25:00' is not a time of day; write HH:mm in 24-hour time, e.g. \"09:00\""],
            Check("entry:\n  date: {trait: renewal_date, offset: -21d, at: \"25:00\"}"));
    }

    [Fact]
    public void Date_needs_a_trait()
    {
        Assert.Equal(["journeys/bad.journey.yaml:3: date needs 'trait'"], Check("entry:\n  date: {offset: -21d}"));
    }

    [Fact]
    public void Date_trigger_is_read()
    {
        var trigger = Assert.IsType<DateTrigger>(Load("entry:\n  date: {trait: renewal_date, offset: -21d, at: \"09:00\"}").Entry.Trigger);
        Assert.Equal(new DateTrigger("renewal_date", -21, new NodaTime.LocalTime(9, 0)), trigger);
    }

    [Fact]
    public void Bad_cron()
    {
        Assert.Equal(
            ["journeys/bad.journey.yaml:4: cron: '0 9 * MON' is not a cron expression (five fields: minute hour day-of-month month day-of-week)"],
            Check("entry:\n  schedule:\n    cron: '0 9 * MON'\n    audience: 'profile.plan == \"pro\"'"));
    }

    [Fact]
    public void Schedule_trigger_is_read()
    {
        var trigger = Assert.IsType<ScheduleTrigger>(Load("entry:\n  schedule: {cron: \"0 9 * * MON\", audience: 'profile.plan == \"pro\"'}").Entry.Trigger);
        Assert.Equal("0 9 * * MON", trigger.Cron);
        Assert.NotNull(trigger.Audience);
    }

    [Fact]
    public void Segment_must_be_a_condition()
    {
        Assert.Equal(["journeys/bad.journey.yaml:3: segment: expression error at column 1: a condition must give true or false, but this gives a number"],
            Check("entry:\n  segment: 'count(\"app_used\", 14d)'"));
    }
}
