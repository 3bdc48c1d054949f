using Trellis.Content.Tests.Support;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;

namespace Trellis.Content.Tests;

/// <summary>policies.yaml: each field's shape, defaults, and the default time zone.</summary>
public class PolicyTests
{
    private static string[] Check(string yaml)
    {
        using var content = new TempContent().Write("policies.yaml", yaml);
        return content.Diagnostics("policies.yaml");
    }

    private static PolicySet Load(string yaml)
    {
        using var content = new TempContent().Write("policies.yaml", yaml);
        var set = content.Load("policies.yaml");
        Assert.Empty(set.Diagnostics);
        return set.Policies;
    }

    [Fact]
    public void No_policies_file_gives_the_defaults()
    {
        using var content = new TempContent().Write("templates/t.template.yaml", "template: t\nsms: {body: 'x'}\n");
        Assert.Same(PolicySet.Default, content.Load().Policies);
    }

    [Fact]
    public void Empty_policies_file_gives_the_defaults()
    {
        Assert.Same(PolicySet.Default, Load("# nothing decided yet\n"));
    }

    [Fact]
    public void Bad_consent_default()
    {
        Assert.Equal(["policies.yaml:1: 'consent_default' must be opt_out or opt_in, not 'optin'; did you mean 'opt_in'?"],
            Check("consent_default: optin\n"));
    }

    [Fact]
    public void Opt_in_is_read()
    {
        Assert.Equal(ConsentDefault.OptIn, Load("consent_default: opt_in\n").ConsentDefault);
    }

    [Theory]
    [InlineData("{channel: fax, max: 1, per: 1d}", "unknown channel 'fax'; channels are: email, sms, push, in_app, webhook, direct_mail, task")]
    [InlineData("{channel: any, max: 0, per: 1d}", "'max' must be a whole number of at least 1, not '0'")]
    [InlineData("{channel: any, max: 2, per: 0d}", "per: must be more than zero, not '0d'")]
    [InlineData("{channel: any, max: 2}", "a frequency cap needs 'per'")]
    [InlineData("{channel: any, max: 2, per: 1d, burst: 3}", "unknown field 'burst' in frequency cap; fields are: channel, max, per")]
    public void Bad_frequency_cap(string cap, string message)
    {
        Assert.Equal([$"policies.yaml:2: {message}"], Check($"frequency_caps:\n  - {cap}\n"));
    }

    [Fact]
    public void Bad_quiet_hours()
    {
        Assert.Equal(
        [
            "policies.yaml:1: default_timezone: 'Europe/Berln' is not an IANA time zone (e.g. UTC, Europe/Berlin); did you mean 'Europe/Berlin'?",
            "policies.yaml:1: quiet_hours needs 'channels'",
            "policies.yaml:1: start: '9pm' is not a time of day; write HH:mm in 24-hour time, e.g. \"09:00\"",
        ], Check("quiet_hours: {start: 9pm, end: \"08:00\", default_timezone: Europe/Berln}\n"));
    }

    [Fact]
    public void Quiet_hours_start_and_end_must_differ()
    {
        Assert.Equal(["policies.yaml:1: quiet_hours: start and end are the same time, so the quiet period is empty"],
            Check("quiet_hours: {start: \"08:00\", end: \"08:00\", channels: [sms]}\n"));
    }

    [Fact]
    public void Default_time_zone_comes_from_quiet_hours_or_the_top_level()
    {
        Assert.Equal("Europe/Paris",
            Load("quiet_hours: {start: \"21:00\", end: \"08:00\", channels: [sms], default_timezone: Europe/Paris}\n").DefaultTimeZone.Id);
        Assert.Equal("America/New_York", Load("default_timezone: America/New_York\n").DefaultTimeZone.Id);
        Assert.Equal("UTC", Load("on_cap: defer\n").DefaultTimeZone.Id);
    }

    [Fact]
    public void Two_different_default_time_zones_are_an_error()
    {
        Assert.Equal(["policies.yaml:2: default_timezone is 'Europe/Paris' here but 'UTC' at line 1; give it once"],
            Check("default_timezone: UTC\nquiet_hours: {start: \"21:00\", end: \"08:00\", channels: [sms], default_timezone: Europe/Paris}\n"));
    }

    [Fact]
    public void Bad_arbitration_and_on_cap()
    {
        Assert.Equal(
        [
            "policies.yaml:1: 'on_conflict' must be defer or skip, not 'drop'",
            "policies.yaml:2: 'on_cap' must be defer or skip, not 'later'",
        ], Check("arbitration: {window: 4h, on_conflict: drop}\non_cap: later\n"));
    }

    [Fact]
    public void Arbitration_needs_a_window()
    {
        Assert.Equal(["policies.yaml:1: arbitration needs 'window'"], Check("arbitration: {on_conflict: skip}\n"));
    }

    [Fact]
    public void Bad_suppression()
    {
        Assert.Equal(["policies.yaml:2: 'hard_bounce' must be suppress_address or suppress_address_and_unsubscribe_all, not 'ignore'"],
            Check("suppression:\n  hard_bounce: ignore\n"));
    }

    [Fact]
    public void Unknown_policy_field()
    {
        Assert.Equal(["policies.yaml:1: unknown field 'frequency_cap' in policies; did you mean 'frequency_caps'?"],
            Check("frequency_cap: []\n"));
    }

    [Fact]
    public void Values_are_read()
    {
        var p = Load("""
            consent_default: opt_in
            frequency_caps:
              - {channel: email, max: 3, per: 1w}
            quiet_hours: {start: "22:00", end: "07:30", channels: push}
            arbitration: {window: 2h, on_conflict: skip}
            on_cap: defer
            """);
        Assert.Equal(new FrequencyCap(Channel.Email, 3, NodaTime.Duration.FromDays(7)), p.FrequencyCaps[0]);
        Assert.Equal(new NodaTime.LocalTime(7, 30), p.QuietHours!.End);
        Assert.True(p.QuietHours.Channels.SetEquals([Channel.Push]));
        Assert.Equal(new Arbitration(NodaTime.Duration.FromHours(2), ConflictAction.Skip), p.Arbitration);
        Assert.Equal(ConflictAction.Defer, p.OnCap);
    }

    [Fact]
    public void Only_one_policies_file_per_workspace()
    {
        using var content = new TempContent()
            .Write("a/policies.yaml", "on_cap: skip\n")
            .Write("b/policies.yaml", "on_cap: defer\n");
        Assert.Equal(["b/policies.yaml:1: a workspace has one policies.yaml, and a/policies.yaml came first"], content.Diagnostics());
    }
}
