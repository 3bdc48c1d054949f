using System.Net;
using Trellis.Storage;

namespace Trellis.Dashboard.Tests.Auth;

/// <summary>Publish and pause change state: they need the session, the anti-forgery header and this origin.</summary>
public sealed class AntiForgeryTests : IAsyncLifetime
{
    private DashboardServer _server = null!;
    private LoggedInClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync(startEngine: false);
        _client = await _server.LoginAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Without_the_header_or_with_a_wrong_one_nothing_changes()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.PostAsync("/dashboard/api/journeys/win-back/pause")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.PostAsync("/dashboard/api/journeys/win-back/pause", csrf: "not-the-token")).StatusCode);
        Assert.Equal(JourneyStatus.Live, (await StatusAsync("win-back")));
    }

    [Fact]
    public async Task The_right_header_from_another_origin_is_refused()
    {
        var response = await _client.PostAsync("/dashboard/api/journeys/win-back/pause", _client.Csrf, origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(JourneyStatus.Live, await StatusAsync("win-back"));
    }

    [Fact]
    public async Task Another_sessions_token_does_not_work()
    {
        var other = await _server.LoginAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.PostAsync("/dashboard/api/journeys/nps-follow-up/pause", other.Csrf)).StatusCode);
    }

    [Fact]
    public async Task Pause_then_publish_with_the_header_and_same_origin()
    {
        var paused = await DashboardServer.JsonAsync(await _client.PostAsync("/dashboard/api/journeys/birthday/pause", _client.Csrf, origin: _server.BaseAddress.GetLeftPart(UriPartial.Authority)));
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        Assert.Equal(JourneyStatus.Paused, await StatusAsync("birthday"));
        Assert.Contains("by key", (await _server.Store.Journeys.GetAsync(DashboardServer.Workspace, "birthday"))!.StatusReason);

        var published = await DashboardServer.JsonAsync(await _client.PostAsync("/dashboard/api/journeys/birthday/publish", _client.Csrf));
        Assert.Equal("live", published.GetProperty("status").GetString());
        Assert.Equal(JourneyStatus.Live, await StatusAsync("birthday"));
    }

    [Fact]
    public async Task A_journey_that_does_not_validate_is_not_published()
    {
        var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
        await _server.Store.Journeys.SaveSourceAsync(DashboardServer.Workspace, "broken", "journey: broken\nentry: {event: x}\nsteps:\n  - id: a\n    send: {channel: email, template: nope}\n", now);
        var response = await _client.PostAsync("/dashboard/api/journeys/broken/publish", _client.Csrf);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("nope", await response.Content.ReadAsStringAsync());
        Assert.Equal(JourneyStatus.Draft, await StatusAsync("broken"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/dashboard/api/journeys/missing/pause", _client.Csrf)).StatusCode);
    }

    private async Task<JourneyStatus?> StatusAsync(string id) => (await _server.Store.Journeys.GetAsync(DashboardServer.Workspace, id))?.Status;
}
