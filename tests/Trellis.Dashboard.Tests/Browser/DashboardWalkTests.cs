using System.Text.Json;

namespace Trellis.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard in a real headless Chromium against the server with simulated traffic: journey → step →
/// person → template preview, and a simulation report; screenshots of each page under
/// .artifacts/dashboard-screenshots/walk, and assertions on what the pages showed.
/// </summary>
[Collection(TrafficCollection.Name)]
public sealed class DashboardWalkTests(TrafficFixture fixture)
{
    [Fact]
    public async Task A_person_clicks_from_a_journey_to_a_step_to_a_person_to_a_template_preview()
    {
        var folder = BrowserWalk.ScreenshotFolder("walk");
        var seen = await BrowserWalk.RunAsync("--base", fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority), "--key", DashboardServer.SecretKey,
            "--out", folder, "--journey", "welcome-series", "--step", "welcome", "--also-journey", "win-back", "--also-person", SimulatedTraffic.NoConsentPerson,
            "--simulation", TrafficFixture.SimulationFile);
        var pages = seen.GetProperty("pages");

        Assert.Equal("/login?next=%2F", pages.GetProperty("login").GetProperty("url").GetString());
        Assert.Empty(seen.GetProperty("consoleErrors").EnumerateArray());

        // The journeys list: names, statuses (with the guardrail's reason), entrants.
        var rows = pages.GetProperty("journeys").GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(8, rows.Count);
        Assert.Equal("Welcome series", rows["welcome-series"].GetProperty("name").GetString());
        Assert.Equal("live", rows["welcome-series"].GetProperty("statusText").GetString());
        Assert.Equal("40", rows["welcome-series"].GetProperty("entrants").GetString());
        Assert.Equal("6", rows["welcome-series"].GetProperty("conversions").GetString());
        Assert.Equal("paused by guardrail", rows[TrafficFixture.GuardrailJourney].GetProperty("statusText").GetString());
        Assert.Equal(TrafficFixture.GuardrailReason, rows[TrafficFixture.GuardrailJourney].GetProperty("statusReason").GetString());
        Assert.Equal("30", rows["nps-follow-up"].GetProperty("entrants").GetString());

        // The journey: every step on the graph with its live count, flows on the arrows, drop-off shown.
        var journey = pages.GetProperty("journey");
        Assert.StartsWith("Welcome series", journey.GetProperty("name").GetString());
        var nodes = journey.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(12, nodes.Count);
        Assert.Equal("entered 40", nodes["entry"].GetProperty("counts").GetString());
        Assert.StartsWith("reached 40 · sent 39 · skipped 1", nodes["step:welcome"].GetProperty("counts").GetString());
        Assert.StartsWith("reached 15", nodes["step:celebrate"].GetProperty("counts").GetString());
        var edges = journey.GetProperty("edges").EnumerateArray().ToList();
        Assert.Contains(edges, e => e.GetProperty("from").GetString() == "step:first-project" && e.GetProperty("to").GetString() == "step:celebrate"
            && e.GetProperty("count").GetInt64() == 15);
        Assert.NotEmpty(journey.GetProperty("dropOffs").EnumerateArray());
        Assert.True(journey.GetProperty("valid").GetBoolean());
        Assert.True(journey.GetProperty("publishDisabled").GetBoolean());
        Assert.False(journey.GetProperty("pauseDisabled").GetBoolean());

        // A journey with a holdout: its experiment is drawn with a verdict in words.
        var other = pages.GetProperty("otherJourney");
        Assert.StartsWith("Win-back", other.GetProperty("name").GetString());
        Assert.Contains("holdout", other.GetProperty("experiments").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(other.GetProperty("verdicts").EnumerateArray(), v => v.GetString()!.StartsWith("messaged vs holdout:", StringComparison.Ordinal));
        Assert.Contains(other.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == "step:miss-you"
            && n.GetProperty("counts").GetString()!.StartsWith("reached 40", StringComparison.Ordinal));

        // The step panel: the people who reached the welcome step.
        var step = pages.GetProperty("step");
        Assert.StartsWith("welcome", step.GetProperty("title").GetString());
        Assert.Equal("40", step.GetProperty("reached").GetString());
        Assert.Equal("/journeys/welcome-series?step=welcome", step.GetProperty("url").GetString());
        var people = step.GetProperty("people").EnumerateArray().ToList();
        Assert.Equal(25, people.Count);

        // The person: profile, consent, and the decision trace of the journey steps.
        var person = pages.GetProperty("person");
        var personId = people[0].GetProperty("person").GetString()!;
        Assert.Equal(personId, person.GetProperty("id").GetString());
        var timeline = person.GetProperty("timeline").EnumerateArray()
            .Select(t => (Kind: t.GetProperty("kind").GetString(), Text: t.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(timeline, t => t.Kind == "event" && t.Text == "Event signed_up");
        Assert.Contains(timeline, t => t.Kind == "enter" && t.Text.StartsWith("Entered the journey", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Kind == "step" && t.Text == "Reached step welcome");
        Assert.Contains(timeline, t => t.Kind == "send" && t.Text.StartsWith("Sent on email at step welcome — template welcome-email", StringComparison.Ordinal));
        Assert.Contains(person.GetProperty("traits").EnumerateArray(), t => t.GetString()!.StartsWith("email", StringComparison.Ordinal));

        // Someone found through the search box: their welcome email was skipped, and the page says why.
        var searched = pages.GetProperty("searchedPerson");
        Assert.Equal(SimulatedTraffic.NoConsentPerson, searched.GetProperty("id").GetString());
        Assert.Contains(searched.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "skip"
            && t.GetProperty("text").GetString() == "Skipped step welcome: consent — no consent for this topic or channel");
        Assert.Contains(searched.GetProperty("consent").EnumerateArray(), c => c.GetString()!.StartsWith("onboarding\tno", StringComparison.Ordinal));

        // The template preview with that person's data, the HTML in a sandboxed frame.
        var template = pages.GetProperty("template");
        Assert.Contains("welcome-email", template.GetProperty("heading").GetString());
        var email = template.GetProperty("channels").EnumerateArray().Single();
        Assert.Equal("email", email.GetProperty("channel").GetString());
        var number = int.Parse(personId[1..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Welcome aboard, " + SimulatedTraffic.FirstName(number), email.GetProperty("parts").GetProperty("subject").GetString());
        Assert.Contains("Hi " + SimulatedTraffic.FirstName(number), template.GetProperty("html").GetString());
        Assert.Equal("", template.GetProperty("iframeSandbox").GetString());

        var channels = pages.GetProperty("templateChannels");
        Assert.Equal(["email", "push"], channels.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(channels.GetProperty("pushTitle").GetString()));
        Assert.Equal(50, pages.GetProperty("people").GetProperty("ids").GetArrayLength());
        Assert.Contains("welcome-email", pages.GetProperty("templates").GetProperty("ids").EnumerateArray().Select(t => t.GetString()));

        // The simulation report, drawn like the live journeys (with the journeys' graphs).
        var simulation = pages.GetProperty("simulation");
        Assert.Equal(TrafficFixture.SimulationFile, simulation.GetProperty("title").GetString());
        Assert.Equal(["welcome-series", "win-back"], simulation.GetProperty("journeys").EnumerateArray().Select(j => j.GetString()));
        Assert.Equal(2, simulation.GetProperty("graphs").GetInt32());

        Assert.StartsWith("/login?next=", pages.GetProperty("afterLogout").GetProperty("url").GetString());
        foreach (var shot in new[] { "01-journeys", "02-journey", "02b-journey-experiments", "03-step", "04-person", "04b-person-searched", "05-template", "05b-template-channels", "06-simulation", "07-people", "08-templates" })
        {
            Assert.True(new FileInfo(Path.Combine(folder, shot + ".png")).Length > 10_000, shot + ".png is missing or empty");
        }

        foreach (var timing in seen.GetProperty("timings").EnumerateObject())
        {
            // Generous: the machine running tests is shared; the 1M-people benchmark measures the real budget.
            Assert.True(timing.Value.GetDouble() < 5000, $"{timing.Name} took {timing.Value} ms to render");
        }
    }
}
