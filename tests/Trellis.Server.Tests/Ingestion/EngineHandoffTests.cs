using System.Diagnostics;
using System.Text.Json;

namespace Trellis.Server.Tests.Ingestion;

/// <summary>With the engine worker running: an acknowledged event reaches the engine at once (the work signal), and its decisions show in the admin API.</summary>
public sealed class EngineHandoffTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(startEngine: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_sign_up_enters_the_welcome_series_and_shows_in_the_profile()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"new-1","traits":{"email":"new-1@example.com","plan":"pro"}},
              {"type":"track","userId":"new-1","event":"signed_up"}
            ]}
            """));

        var watch = Stopwatch.StartNew();
        JsonElement journeys = default;
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            var profile = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/new-1"));
            journeys = profile.GetProperty("journeys");
            if (journeys.EnumerateArray().Any(j => j.GetProperty("journey").GetString() == "welcome-series"))
            {
                break;
            }

            await Task.Delay(50);
        }

        var welcome = Assert.Single(journeys.EnumerateArray(), j => j.GetProperty("journey").GetString() == "welcome-series");
        Assert.Equal(1, welcome.GetProperty("entries").GetInt32());
        var timeline = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/new-1/timeline"));
        Assert.Contains(timeline.GetProperty("trace").EnumerateArray(), t => t.GetProperty("type").GetString() == "send");
    }
}
