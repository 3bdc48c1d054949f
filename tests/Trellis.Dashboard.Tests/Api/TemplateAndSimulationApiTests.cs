using System.Net;
using System.Text.Json;

namespace Trellis.Dashboard.Tests.Api;

/// <summary>Template previews with a person's data (and the sandboxed HTML), and simulation reports.</summary>
[Collection(TrafficCollection.Name)]
public sealed class TemplateAndSimulationApiTests(TrafficFixture fixture)
{
    private HttpClient Http => fixture.Client.Http;

    private async Task<JsonElement> GetAsync(string path) => await DashboardServer.JsonAsync(await Http.GetAsync(path));

    [Fact]
    public async Task Templates_are_listed_with_their_channels_and_journeys()
    {
        var list = await GetAsync("/dashboard/api/templates");
        var gettingStarted = list.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "getting-started");
        Assert.Contains("push", gettingStarted.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("welcome-series", gettingStarted.GetProperty("usedBy").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_preview_renders_every_channel_with_the_persons_data_and_safe_links()
    {
        var preview = await GetAsync("/dashboard/api/templates/welcome-email/preview?person=u003");
        Assert.Equal("welcome-series", preview.GetProperty("journey").GetString());
        Assert.Equal("signed_up", preview.GetProperty("event").GetProperty("name").GetString());
        var email = preview.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email");
        Assert.Equal("Welcome aboard, " + SimulatedTraffic.FirstName(3), email.GetProperty("parts").GetProperty("subject").GetString());
        var text = email.GetProperty("parts").GetProperty("text").GetString()!;
        Assert.Contains("#preview-unsubscribe", text);
        Assert.DoesNotContain("/unsubscribe/", text);

        var html = await Http.GetAsync(email.GetProperty("htmlUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.StartsWith("text/html", html.Content.Headers.ContentType?.ToString());
        Assert.Contains("Hi " + SimulatedTraffic.FirstName(3), await html.Content.ReadAsStringAsync());
        var policy = html.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
    }

    [Fact]
    public async Task Without_a_person_missing_values_render_empty_and_an_unknown_person_is_404()
    {
        var preview = await GetAsync("/dashboard/api/templates/welcome-email/preview");
        var email = preview.GetProperty("channels").EnumerateArray().Single();
        Assert.Equal("Welcome aboard, friend", email.GetProperty("parts").GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/dashboard/api/templates/welcome-email/preview?person=nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/dashboard/api/templates/nope/preview")).StatusCode);
    }

    [Fact]
    public async Task Simulation_reports_are_listed_and_served_only_from_the_folder()
    {
        var list = await GetAsync("/dashboard/api/simulations");
        Assert.True(list.GetProperty("configured").GetBoolean());
        Assert.Contains(TrafficFixture.SimulationFile, list.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var report = await GetAsync("/dashboard/api/simulations/" + TrafficFixture.SimulationFile);
        Assert.Equal(1000, report.GetProperty("settings").GetProperty("people").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/dashboard/api/simulations/..%2Ftrellis.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/dashboard/api/simulations/missing.json")).StatusCode);
    }
}
