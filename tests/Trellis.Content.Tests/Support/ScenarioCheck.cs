namespace Trellis.Content.Tests.Support;

/// <summary>A content folder with one journey ('trial': welcome → pause → done) for scenarios to name.</summary>
public static class ScenarioCheck
{
    public const string File = "scenarios/bad.scenario.yaml";

    /// <summary>The head of a valid scenario (lines 1–9); expectations and more follow from line 10.</summary>
    public const string Head = """
        scenario: a person starts the trial
        journeys: [../journeys]
        templates: ../templates
        policies: ../policies.yaml
        start: 2026-03-02T09:00:00Z
        run_for: 10d
        profiles:
          - {id: u1, traits: {email: a@example.com, timezone: Europe/Berlin, consent: {sms: true}}}
        events: [{at: 0m, user: u1, event: trial_started}]

        """;

    public static TempContent Folder() => JourneyCheck.WithTemplates()
        .Write("policies.yaml", "on_cap: skip\n")
        .Write("journeys/trial.journey.yaml", """
            journey: trial
            entry: {event: trial_started}
            steps:
              - id: welcome
                send: {channel: [push, email], template: welcome}
              - id: pause
                wait: 1d
              - id: done
                exit: completed
            """);

    public static string[] Diagnostics(string scenarioYaml)
    {
        using var content = Folder().Write(File, scenarioYaml);
        return content.Diagnostics(File);
    }
}
