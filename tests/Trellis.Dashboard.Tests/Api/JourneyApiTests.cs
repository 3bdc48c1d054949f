using System.Net;
using System.Text.Json;

namespace Trellis.Dashboard.Tests.Api;

/// <summary>The journeys list, a journey's page data and a step's panel, against processed simulated traffic.</summary>
[Collection(TrafficCollection.Name)]
public sealed class JourneyApiTests(TrafficFixture fixture)
{
    private HttpClient Http => fixture.Client.Http;

    private async Task<JsonElement> GetAsync(string path) => await DashboardServer.JsonAsync(await Http.GetAsync(path));

    private static JsonElement Journey(JsonElement list, string id) =>
        list.GetProperty("journeys").EnumerateArray().Single(j => j.GetProperty("id").GetString() == id);

    [Fact]
    public async Task The_list_shows_status_with_the_guardrail_reason_entrants_conversions_and_lift()
    {
        var list = await GetAsync("/dashboard/api/journeys");
        Assert.Equal(SimulatedTraffic.People, list.GetProperty("people").GetInt64());
        Assert.Equal(8, list.GetProperty("journeys").GetArrayLength());

        var welcome = Journey(list, "welcome-series");
        Assert.Equal("Welcome series", welcome.GetProperty("name").GetString());
        Assert.Equal("live", welcome.GetProperty("status").GetString());
        Assert.Equal(SimulatedTraffic.SignUps, welcome.GetProperty("entrants").GetInt64());
        Assert.Equal(SimulatedTraffic.Subscribers, welcome.GetProperty("conversions").GetInt64());
        Assert.Equal(JsonValueKind.Null, welcome.GetProperty("lift").ValueKind);

        var guarded = Journey(list, TrafficFixture.GuardrailJourney);
        Assert.Equal("paused_by_guardrail", guarded.GetProperty("status").GetString());
        Assert.Equal(TrafficFixture.GuardrailReason, guarded.GetProperty("statusReason").GetString());

        var winBack = Journey(list, "win-back");
        Assert.Equal(SimulatedTraffic.Customers, winBack.GetProperty("entrants").GetInt64());
        var lift = winBack.GetProperty("lift");
        Assert.Equal(JsonValueKind.Object, lift.ValueKind);
        Assert.False(string.IsNullOrEmpty(lift.GetProperty("verdict").GetString()));
        Assert.Equal(SimulatedTraffic.NpsAnswers, Journey(list, "nps-follow-up").GetProperty("entrants").GetInt64());
    }

    [Fact]
    public async Task A_journey_comes_with_its_graph_report_and_clean_validation()
    {
        var journey = await GetAsync("/dashboard/api/journeys/welcome-series");
        Assert.Equal("Welcome series", journey.GetProperty("name").GetString());
        Assert.Equal("on signed_up", journey.GetProperty("entry").GetString());
        Assert.Equal(0, journey.GetProperty("problems").GetArrayLength());
        Assert.Contains("steps:", journey.GetProperty("source").GetString());

        var graph = journey.GetProperty("graph");
        var nodes = graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal("entry", nodes[0]);
        Assert.Equal("end", nodes[^1]);
        Assert.Contains("step:welcome", nodes);
        Assert.Equal(12, nodes.Count); // 10 steps, entry and end
        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        Assert.Contains(edges, e => e.GetProperty("from").GetString() == "step:first-project" && e.GetProperty("label").GetString() == "project_created");
        Assert.Contains(edges, e => e.GetProperty("from").GetString() == "step:by-plan" && e.GetProperty("label").GetString() == "profile.plan == \"team\"");

        var report = journey.GetProperty("report");
        Assert.Equal(SimulatedTraffic.SignUps, report.GetProperty("entrants").GetInt64());
        var steps = report.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.Equal(SimulatedTraffic.SignUps, steps["welcome"].GetProperty("entries").GetInt64());
        Assert.Equal(SimulatedTraffic.SignUps - 1, steps["welcome"].GetProperty("sendsByChannel").GetProperty("email").GetInt64());
        Assert.Equal(1, steps["welcome"].GetProperty("skips").GetProperty("consent").GetInt64());
        Assert.Equal(SimulatedTraffic.ProjectCreators, steps["celebrate"].GetProperty("entries").GetInt64());
        var next = steps["first-project"].GetProperty("next").EnumerateArray().ToList();
        Assert.Contains(next, n => n.GetProperty("to").GetString() == "celebrate" && n.GetProperty("count").GetInt64() == SimulatedTraffic.ProjectCreators);
        Assert.Equal(SimulatedTraffic.SignUps, journey.GetProperty("fromEntry").GetProperty("welcome").GetInt64());
    }

    [Fact]
    public async Task A_holdout_journey_reports_both_arms_and_a_comparison()
    {
        var report = (await GetAsync("/dashboard/api/journeys/win-back")).GetProperty("report");
        var holdout = report.GetProperty("holdout");
        var arms = holdout.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(["holdout", "messaged"], arms.Select(a => a.GetProperty("arm").GetString()));
        Assert.Equal(SimulatedTraffic.Customers, arms.Sum(a => a.GetProperty("entrants").GetInt64()));
        Assert.Single(holdout.GetProperty("comparisons").EnumerateArray());
        var missYou = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "miss-you");
        Assert.Equal(arms[0].GetProperty("entrants").GetInt64(), missYou.GetProperty("skips").TryGetProperty("holdout", out var h) ? h.GetInt64() : 0);
    }

    [Fact]
    public async Task A_step_lists_the_last_people_who_reached_it_and_what_it_did_for_them()
    {
        var step = await GetAsync("/dashboard/api/journeys/welcome-series/steps/welcome");
        Assert.Equal("send", step.GetProperty("kind").GetString());
        Assert.Equal("welcome-email", step.GetProperty("template").GetString());
        var recent = step.GetProperty("recent").EnumerateArray().ToList();
        Assert.Equal(25, recent.Count);
        Assert.All(recent, r => Assert.Matches("^u0[0-4][0-9]$", r.GetProperty("person").GetString()));
        Assert.Contains(recent, r => r.GetProperty("outcome").GetString() == "sent email");

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/dashboard/api/journeys/welcome-series/steps/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/dashboard/api/journeys/nope")).StatusCode);
    }
}
