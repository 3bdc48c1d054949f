using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Dashboard.Tests;

/// <summary>
/// One server for the read-only API and browser tests: the example content, <see cref="SimulatedTraffic"/> sent
/// through ingestion and processed by the real engine worker, one journey paused by a guardrail, and a
/// simulation report in the simulations folder.
/// </summary>
public sealed class TrafficFixture : IAsyncLifetime
{
    public const string GuardrailJourney = "payment-failed";
    public const string GuardrailReason = "complaint rate 0.42% over the 0.3% limit in 24h";
    public const string SimulationFile = "weekly-plan.json";

    private DashboardServer? _server;
    private LoggedInClient? _client;

    internal DashboardServer Server => _server ?? throw new InvalidOperationException("not started");

    internal LoggedInClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        foreach (var batch in SimulatedTraffic.Batches(DateTimeOffset.UtcNow.AddMinutes(-5)))
        {
            var response = await _server.IngestAsync(batch);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        _client = await _server.LoginAsync();
        await WaitForEngineAsync();
        await _server.Store.Journeys.SetStatusAsync(DashboardServer.Workspace, GuardrailJourney, JourneyStatus.PausedByGuardrail,
            GuardrailReason, SystemClock.Instance.GetCurrentInstant());
        await WriteSimulationReportAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Until every sign-up, NPS answer and abandoned cart has entered, and the counts stay still.</summary>
    private async Task WaitForEngineAsync()
    {
        var watch = Stopwatch.StartNew();
        string? last = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            var list = await DashboardServer.JsonAsync(await Client.Http.GetAsync("/dashboard/api/journeys"));
            var entrants = list.GetProperty("journeys").EnumerateArray()
                .ToDictionary(j => j.GetProperty("id").GetString()!, j => j.GetProperty("entrants").GetInt64());
            var snapshot = string.Join(",", entrants.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));
            var complete = entrants["welcome-series"] >= SimulatedTraffic.SignUps
                && entrants["nps-follow-up"] >= SimulatedTraffic.NpsAnswers
                && entrants["cart-recovery"] >= SimulatedTraffic.CartAbandons
                && list.GetProperty("counters").GetProperty("complete").GetBoolean();
            if (complete && snapshot == last)
            {
                return;
            }

            last = snapshot;
            await Task.Delay(750);
        }

        throw new TimeoutException("the engine did not process the simulated traffic in 120 s; last counts: " + last);
    }

    /// <summary>
    /// A report in the shape <c>trellis simulate --report FILE.json</c> writes (SimulationReport), its journeys
    /// taken from the live reports so the page has real numbers to draw.
    /// </summary>
    private async Task WriteSimulationReportAsync()
    {
        var journeys = new List<JsonElement>();
        foreach (var id in new[] { "welcome-series", "win-back" })
        {
            var detail = await DashboardServer.JsonAsync(await Client.Http.GetAsync("/dashboard/api/journeys/" + id));
            journeys.Add(detail.GetProperty("report"));
        }

        var distribution = new
        {
            mean = 1.25, median = 1, p90 = 3, p99 = 4, max = 4,
            counts = new[] { new { messages = 0, personWeeks = 120 }, new { messages = 1, personWeeks = 310 }, new { messages = 2, personWeeks = 140 },
                new { messages = 3, personWeeks = 52 }, new { messages = 4, personWeeks = 8 } },
        };
        var report = new
        {
            settings = new { people = 1000, days = 30, seed = 7, start = "2026-03-02T00:00:00Z", end = "2026-04-01T00:00:00Z", behavior = "default", journeys = new[] { "welcome-series", "win-back" } },
            warnings = Array.Empty<string>(),
            population = new
            {
                people = 1000,
                personas = new Dictionary<string, long> { ["trial"] = 600, ["customer"] = 400 },
                reachable = new Dictionary<string, long> { ["email"] = 950, ["push"] = 420, ["sms"] = 130 },
                timezones = new Dictionary<string, long> { ["Europe/Berlin"] = 500, ["America/New_York"] = 500 },
                consent = new Dictionary<string, long> { ["onboarding"] = 930 },
            },
            events = new Dictionary<string, long> { ["signed_up"] = 600, ["project_created"] = 280, ["order_placed"] = 150 },
            engagement = new Dictionary<string, object>(),
            journeys,
            messagesPerPersonPerWeek = new { weeks = 5, personWeeks = 630, all = distribution, marketing = distribution },
            collisions = new { peopleInTwoOrMore = 80, share = 0.08, overlaps = new[] { new { entered = "win-back", whileIn = "welcome-series", count = 80 } }, arbitration = Array.Empty<object>() },
        };
        await File.WriteAllTextAsync(Path.Combine(Server.SimulationsPath, SimulationFile), JsonSerializer.Serialize(report));
    }
}
