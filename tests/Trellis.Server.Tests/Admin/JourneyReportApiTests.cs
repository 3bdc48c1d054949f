using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Trellis.Storage;

namespace Trellis.Server.Tests.Admin;

/// <summary>
/// <c>GET /api/journeys/{id}/report</c> over real HTTP with the engine running: the report is recounted from the
/// stored trace, so every number must match the trace lines the store holds for the same people.
/// </summary>
public sealed class JourneyReportApiTests : IAsyncLifetime
{
    private const string Journey = "welcome-series";

    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(startEngine: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_report_reconciles_with_the_stored_trace()
    {
        // Eight sign-ups: reachable ones get the welcome email, two without an address are skipped as unreachable,
        // two create a project (celebration in-app), two pay (goal: converted, with revenue), one deletes the account.
        var calls = new List<string>();
        for (var i = 1; i <= 8; i++)
        {
            var traits = i <= 6 ? $$"""{"email":"p{{i}}@example.com","plan":"pro"}""" : """{"plan":"team"}""";
            calls.Add($$"""{"type":"identify","userId":"p{{i}}","traits":{{traits}}}""");
            calls.Add($$"""{"type":"track","userId":"p{{i}}","event":"signed_up"}""");
        }

        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", $$"""{"batch":[{{string.Join(",", calls)}}]}"""));
        var report = await WaitForReportAsync(r => r.GetProperty("entrants").GetInt64() == 8);

        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """
            {"batch":[
              {"type":"track","userId":"p1","event":"project_created"},
              {"type":"track","userId":"p2","event":"project_created"},
              {"type":"track","userId":"p3","event":"subscription_started","properties":{"amount":49}},
              {"type":"track","userId":"p7","event":"subscription_started","properties":{"amount":99.5}},
              {"type":"track","userId":"p4","event":"account_deleted"}
            ]}
            """));
        report = await WaitForReportAsync(r => r.GetProperty("outcomes").GetProperty("converted").GetInt64() == 2
                                               && r.GetProperty("outcomes").GetProperty("exited").GetInt64() == 1
                                               && SendsOn(r, "in_app") == 2);

        var lines = await TraceLinesAsync(Enumerable.Range(1, 8).Select(i => $"p{i}"));
        Assert.Equal(lines.Count(l => Type(l) == "enter"), report.GetProperty("entrants").GetInt64());
        Assert.Equal(lines.Where(l => Type(l) == "enter").Select(l => Str(l, "user")).Distinct().LongCount(), report.GetProperty("people").GetInt64());
        Assert.Equal(lines.Count(l => Type(l) == "goal"), report.GetProperty("conversions").GetProperty("inJourney").GetInt64());
        Assert.Equal(148.5m, report.GetProperty("conversions").GetProperty("revenue").GetDecimal());
        Assert.Equal(lines.Count(l => Type(l) == "exit" && Str(l, "outcome") == "converted"), report.GetProperty("outcomes").GetProperty("converted").GetInt64());
        Assert.Equal(lines.Count(l => Type(l) == "exit" && Str(l, "outcome") == "exited"), report.GetProperty("outcomes").GetProperty("exited").GetInt64());
        Assert.Equal(8 - lines.Count(l => Type(l) == "exit"), report.GetProperty("outcomes").GetProperty("active").GetInt64());
        AssertCounts(lines.Where(l => Type(l) == "send"), "channel", report.GetProperty("sendsByChannel"));
        AssertCounts(lines.Where(l => Type(l) == "skip"), "reason", report.GetProperty("skips"));
        Assert.True(report.GetProperty("skips").GetProperty("unreachable").GetInt64() >= 2, report.ToString());

        foreach (var step in report.GetProperty("steps").EnumerateArray())
        {
            var id = Str(step, "step");
            var mine = lines.Where(l => Str(l, "step") == id).ToList();
            Assert.Equal(mine.Count(l => Type(l) == "step"), step.GetProperty("entries").GetInt64());
            AssertCounts(mine.Where(l => Type(l) == "send"), "channel", step.GetProperty("sendsByChannel"));
            AssertCounts(mine.Where(l => Type(l) == "skip"), "reason", step.GetProperty("skips"));
        }

        var welcome = report.GetProperty("steps").EnumerateArray().Single(s => Str(s, "step") == "welcome");
        Assert.Equal(8, welcome.GetProperty("entries").GetInt64());
        Assert.Equal(6, welcome.GetProperty("sendsByChannel").GetProperty("email").GetInt64());
    }

    [Fact]
    public async Task A_report_of_a_journey_nobody_entered_is_all_zeros_in_the_same_shape()
    {
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/win-back/report"));
        Assert.Equal("win-back", body.GetProperty("journey").GetString());
        var report = body.GetProperty("report");
        Assert.Equal("win-back", Str(report, "journey"));
        Assert.Equal(0, report.GetProperty("entrants").GetInt64());
        Assert.NotEmpty(report.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_journeys_and_another_workspaces_journeys_are_404()
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/nope/report"), HttpStatusCode.NotFound, "no journey");
        var (_, _, otherSecret) = await _server.CreateWorkspaceAsync("other");
        await ApiAssert.ErrorAsync(
            await _server.AdminAsync(HttpMethod.Get, $"/api/journeys/{Journey}/report", secretKey: otherSecret), HttpStatusCode.NotFound, "in this workspace");
    }

    private async Task<JsonElement> WaitForReportAsync(Func<JsonElement, bool> done)
    {
        var watch = Stopwatch.StartNew();
        JsonElement report;
        do
        {
            var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, $"/api/journeys/{Journey}/report"));
            report = body.GetProperty("report");
            if (done(report))
            {
                return report;
            }

            await Task.Delay(50);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Fail($"the report never reached the expected state: {report}");
        return report;
    }

    private async Task<List<JsonElement>> TraceLinesAsync(IEnumerable<string> people)
    {
        var lines = new List<JsonElement>();
        foreach (var person in people)
        {
            foreach (var stored in await _server.Store.Persons.ReadTraceAsync(RunningServer.Workspace, person, 0, 10_000))
            {
                if (stored.Entry.JourneyId == Journey)
                {
                    lines.Add(JsonDocument.Parse(stored.Entry.DetailsJson).RootElement.Clone());
                }
            }
        }

        return lines;
    }

    private static long SendsOn(JsonElement report, string channel) =>
        report.GetProperty("sendsByChannel").TryGetProperty(channel, out var n) ? n.GetInt64() : 0;

    private static void AssertCounts(IEnumerable<JsonElement> lines, string field, JsonElement reported)
    {
        var counted = lines.GroupBy(l => Str(l, field)!).ToDictionary(g => g.Key, g => (long)g.Count());
        var shown = reported.EnumerateObject().Where(p => p.Value.GetInt64() > 0).ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(counted.OrderBy(kv => kv.Key, StringComparer.Ordinal), shown.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static string? Type(JsonElement line) => Str(line, "type");

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
