using Trellis.Content.Scenarios;
using Trellis.Content.Tests.Support;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Content.Tests;

/// <summary>Scenario files (SPEC §5): what is read, and every name and offset checked against the scenario's workspace.</summary>
public class ScenarioTests
{
    private static string[] Check(string rest) => ScenarioCheck.Diagnostics(ScenarioCheck.Head + rest);

    [Fact]
    public void A_valid_scenario_is_read()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File, """
            scenario: a person starts the trial
            journeys: ../journeys/trial.journey.yaml
            start: 2026-03-02T09:00:00Z
            run_for: 3d
            profiles:
              - id: u1
                traits: {email: a@example.com, age: 41, vip: true, nick: ~, code: "007", consent: {sms: true}}
            events:
              - {at: 0m, user: u1, event: trial_started, properties: {plan: pro, seats: 3}}
              - {at: 1h30m, user: u1, identify: {plan: team}}
              - {at: 2h, user: u2, event: trial_started}
            expect:
              sends:
                - {at: 0m, user: u1, journey: trial, step: welcome, channel: email}
              skips: []
              outcomes:
                - {at: 1d, user: u1, journey: trial, outcome: completed}
                - {user: u2, journey: trial, outcome: converted, value: 499}
            """);
        var set = content.Load(ScenarioCheck.File);
        Assert.Empty(set.Diagnostics);
        var s = Assert.Single(set.Scenarios);
        Assert.Equal("a person starts the trial", s.Name);
        Assert.Equal(1, s.Location.Line);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 3, 2, 9, 0), s.Start);
        Assert.Equal(NodaTime.Duration.FromDays(3), s.RunFor);
        Assert.Equal("trial", Assert.Single(s.Workspace.Journeys).Id);
        Assert.True(s.Workspace.Templates.ContainsKey("welcome"));

        var traits = Assert.Single(s.Profiles).Traits;
        Assert.Equal(Value.String("a@example.com"), traits["email"]);
        Assert.Equal(Value.Number(41), traits["age"]);
        Assert.Equal(Value.True, traits["vip"]);
        Assert.Equal(Value.Null, traits["nick"]);
        Assert.Equal(Value.String("007"), traits["code"]);
        Assert.Equal(Value.True, traits["consent"].Member("sms"));

        Assert.Equal(3, s.Inputs.Count);
        var first = Assert.IsType<ScenarioEventInput>(s.Inputs[0]);
        Assert.Equal(("u1", "trial_started", 9), (first.User, first.Name, first.Line));
        Assert.Equal(Value.Number(3), first.Properties["seats"]);
        var identify = Assert.IsType<ScenarioIdentifyInput>(s.Inputs[1]);
        Assert.Equal(NodaTime.Duration.FromMinutes(90), identify.Offset);
        Assert.Equal(Value.String("team"), identify.Traits["plan"]);
        Assert.Equal("u2", s.Inputs[2].User);

        var send = Assert.Single(s.Expectations.Sends!);
        Assert.Equal(new SendExpectation(NodaTime.Duration.Zero, "u1", "trial", "welcome", Channel.Email, send.Location), send);
        Assert.Empty(s.Expectations.Skips!);
        Assert.Equal(2, s.Expectations.Outcomes!.Count);
        Assert.Null(s.Expectations.Outcomes[1].Offset);
        Assert.Equal(Value.Number(499), s.Expectations.Outcomes[1].Value);
    }

    [Fact]
    public void Expectations_not_given_are_not_checked()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File, ScenarioCheck.Head);
        var s = Assert.Single(content.Load(ScenarioCheck.File).Scenarios);
        Assert.Null(s.Expectations.Sends);
        Assert.Null(s.Expectations.Skips);
        Assert.Null(s.Expectations.Outcomes);
    }

    [Fact]
    public void Unknown_user_in_an_expectation()
    {
        Assert.Equal(["scenarios/bad.scenario.yaml:12: no user 'u9' in this scenario; users are: u1"],
            Check("expect:\n  sends:\n    - {at: 0m, user: u9, journey: trial, step: welcome, channel: email}\n"));
    }

    [Fact]
    public void Unknown_journey_in_an_expectation()
    {
        Assert.Equal(["scenarios/bad.scenario.yaml:12: no journey 'trail' in this scenario; did you mean 'trial'? journeys are: trial"],
            Check("expect:\n  outcomes:\n    - {user: u1, journey: trail, outcome: completed}\n"));
    }

    [Fact]
    public void Unknown_step_in_an_expectation()
    {
        Assert.Equal(["scenarios/bad.scenario.yaml:12: journey 'trial' has no step 'welcom'; did you mean 'welcome'? steps are: welcome, pause, done"],
            Check("expect:\n  sends:\n    - {at: 0m, user: u1, journey: trial, step: welcom, channel: email}\n"));
    }

    [Fact]
    public void Sends_and_skips_name_send_steps()
    {
        Assert.Equal(["scenarios/bad.scenario.yaml:12: step 'pause' of journey 'trial' is a wait step; only send steps send or skip"],
            Check("expect:\n  skips:\n    - {user: u1, journey: trial, step: pause, reason: consent}\n"));
    }

    [Fact]
    public void Channel_of_an_expected_send()
    {
        Assert.Equal(
        [
            "scenarios/bad.scenario.yaml:12: unknown channel 'e-mail'; did you mean 'email'? channels are: email, sms, push, in_app, webhook, direct_mail, task",
            "scenarios/bad.scenario.yaml:13: step 'welcome' sends on push, email, never on sms",
        ], Check("expect:\n  sends:\n    - {at: 0m, user: u1, journey: trial, step: welcome, channel: e-mail}\n    - {at: 0m, user: u1, journey: trial, step: welcome, channel: sms}\n"));
    }

    [Fact]
    public void Skip_reason_must_be_known()
    {
        Assert.Equal(["scenarios/bad.scenario.yaml:12: 'reason' must be consent, suppressed, frequency_cap, quiet_hours, arbitration, holdout or unreachable, not 'frequency'"],
            Check("expect:\n  skips:\n    - {user: u1, journey: trial, step: welcome, reason: frequency}\n"));
    }

    [Fact]
    public void Outcome_must_be_known()
    {
        Assert.Equal(["scenarios/bad.scenario.yaml:12: 'outcome' must be converted, exited or completed, not 'complete'; did you mean 'completed'?"],
            Check("expect:\n  outcomes:\n    - {user: u1, journey: trial, outcome: complete}\n"));
    }

    [Fact]
    public void Offsets_are_durations_within_the_run()
    {
        Assert.Equal(
        [
            "scenarios/bad.scenario.yaml:12: at: 'tomorrow' is not a duration; write one like 30m, 48h, 14d, 2w or 1d6h",
            "scenarios/bad.scenario.yaml:13: at 11d is after the end of the run (run_for: 10d)",
        ], Check("expect:\n  sends:\n    - {at: tomorrow, user: u1, journey: trial, step: welcome, channel: email}\n    - {at: 11d, user: u1, journey: trial, step: welcome, channel: email}\n"));
    }

    [Fact]
    public void Events_item_needs_one_kind()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File, ScenarioCheck.Head.Replace(
            "events: [{at: 0m, user: u1, event: trial_started}]",
            "events:\n  - {at: 0m, user: u1}\n  - {at: 1m, user: u1, event: a, identify: {plan: x}}\n  - {at: -1m, user: u1, event: a}\n  - {at: 1h, user: u1, evnt: a}"));
        Assert.Equal(
        [
            "scenarios/bad.scenario.yaml:10: an events item needs exactly one of 'event' (something the person does) or 'identify' (a profile change)",
            "scenarios/bad.scenario.yaml:11: an events item needs exactly one of 'event' (something the person does) or 'identify' (a profile change)",
            "scenarios/bad.scenario.yaml:12: at: must not be negative, not '-1m'",
            "scenarios/bad.scenario.yaml:13: unknown field 'evnt' in events item; did you mean 'event'?",
            "scenarios/bad.scenario.yaml:13: an events item needs exactly one of 'event' (something the person does) or 'identify' (a profile change)",
        ], content.Diagnostics(ScenarioCheck.File));
    }

    [Fact]
    public void Scenario_header_mistakes()
    {
        Assert.Equal(
        [
            "scenarios/bad.scenario.yaml:1: a scenario file needs 'run_for'",
            "scenarios/bad.scenario.yaml:2: journeys: no file or folder '../journys' (paths are relative to the scenario file)",
            "scenarios/bad.scenario.yaml:3: templates: '../journeys' holds no *.template.yaml file",
            "scenarios/bad.scenario.yaml:4: start: 'March 2nd' is not an ISO-8601 time; write e.g. 2026-03-02T09:00:00Z",
        ], ScenarioCheck.Diagnostics("scenario: x\njourneys: ../journys\ntemplates: ../journeys\nstart: March 2nd\n"));
    }

    [Fact]
    public void Profile_traits_are_checked()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File, ScenarioCheck.Head.Replace(
            "consent: {sms: true}", "consent: {sms: yes}").Replace("Europe/Berlin", "Berlin"));
        Assert.Equal(
        [
            "scenarios/bad.scenario.yaml:8: timezone: 'Berlin' is not an IANA time zone (e.g. UTC, Europe/Berlin)",
            "scenarios/bad.scenario.yaml:8: 'consent.sms' must be true or false, not 'yes'",
        ], content.Diagnostics(ScenarioCheck.File));
    }

    [Fact]
    public void Duplicate_profile()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File, ScenarioCheck.Head.Replace(
            "profiles:\n", "profiles:\n  - {id: u1}\n"));
        Assert.Equal(["scenarios/bad.scenario.yaml:9: duplicate profile 'u1' (first at line 8)"], content.Diagnostics(ScenarioCheck.File));
    }

    [Fact]
    public void Errors_in_the_scenarios_journeys_are_reported_and_the_scenario_is_left_out()
    {
        using var content = ScenarioCheck.Folder()
            .Write("journeys/trial.journey.yaml", "journey: trial\nentry: {event: trial_started}\nsteps:\n  - id: welcome\n    send: {channel: sms, template: welcome}\n")
            .Write(ScenarioCheck.File, ScenarioCheck.Head);
        var set = content.Load(ScenarioCheck.File);
        Assert.Equal(["journeys/trial.journey.yaml:5: template 'welcome' has no sms section"], content.Relative(set));
        Assert.Empty(set.Scenarios);
    }

    [Fact]
    public void Templates_are_found_by_convention_when_not_named()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File,
            ScenarioCheck.Head.Replace("templates: ../templates\n", ""));
        var set = content.Load(ScenarioCheck.File);
        Assert.Empty(set.Diagnostics);
        Assert.Equal(3, set.Scenarios[0].Workspace.Templates.Count);
    }

    [Fact]
    public void Policies_are_the_scenarios_own()
    {
        using var content = ScenarioCheck.Folder().Write(ScenarioCheck.File, ScenarioCheck.Head);
        var s = content.Load(ScenarioCheck.File).Scenarios[0];
        Assert.Equal(Trellis.Core.Policies.ConflictAction.Skip, s.Workspace.Policies.OnCap);
    }
}
