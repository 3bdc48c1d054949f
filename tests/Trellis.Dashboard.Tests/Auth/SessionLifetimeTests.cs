using System.Net;
using System.Net.Http.Headers;

namespace Trellis.Dashboard.Tests.Auth;

/// <summary>What ends a session besides logout: a rotated key, a changed password, a restart without a session key; and login throttling.</summary>
public sealed class SessionLifetimeTests
{
    private const string SessionKey = "a-session-signing-key-of-at-least-32-characters";

    [Fact]
    public async Task Rotating_the_secret_key_ends_sessions_made_with_it()
    {
        await using var server = await DashboardServer.StartAsync(startEngine: false);
        var logged = await server.LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await logged.Http.GetAsync("/dashboard/api/journeys")).StatusCode);

        var rotate = new HttpRequestMessage(HttpMethod.Post, "/api/keys/rotate") { Content = new StringContent("{\"kind\":\"secret\"}", System.Text.Encoding.UTF8, "application/json") };
        rotate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServer.SecretKey);
        var rotated = await server.Http.SendAsync(rotate);
        Assert.True(rotated.IsSuccessStatusCode, await rotated.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await logged.Http.GetAsync("/dashboard/api/journeys")).StatusCode);
    }

    [Fact]
    public async Task With_a_configured_session_key_sessions_survive_a_restart_but_not_a_password_change()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["Trellis:Dashboard:SessionKey"] = SessionKey };
        string cookie;
        await using (var first = await DashboardServer.StartAsync(startEngine: false, settings, folder))
        {
            var client = first.NewClient(new CookieContainer());
            var login = await first.PostLoginAsync(client, new Dictionary<string, string> { ["user"] = DashboardServer.User, ["password"] = DashboardServer.Password });
            cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        }

        await using (var second = await DashboardServer.StartAsync(startEngine: false, settings, folder))
        {
            Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync(second, cookie)).StatusCode);
        }

        settings["Trellis:Dashboard:Password"] = "a new password";
        await using (var third = await DashboardServer.StartAsync(startEngine: false, settings, folder))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithCookieAsync(third, cookie)).StatusCode);
        }
    }

    [Fact]
    public async Task Without_a_session_key_a_restart_ends_sessions()
    {
        using var folder = new TempFolder();
        string cookie;
        await using (var first = await DashboardServer.StartAsync(startEngine: false, folder: folder))
        {
            var login = await first.PostLoginAsync(first.NewClient(new CookieContainer()), new Dictionary<string, string> { ["key"] = DashboardServer.SecretKey });
            cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync(first, cookie)).StatusCode);
        }

        await using var second = await DashboardServer.StartAsync(startEngine: false, folder: folder);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithCookieAsync(second, cookie)).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_from_one_address_are_throttled_even_with_the_right_password_after()
    {
        await using var server = await DashboardServer.StartAsync(startEngine: false);
        var client = server.NewClient(new CookieContainer());
        for (var i = 0; i < 10; i++)
        {
            var failed = await server.PostLoginAsync(client, new Dictionary<string, string> { ["user"] = DashboardServer.User, ["password"] = "guess " + i });
            Assert.StartsWith("/login?error=invalid", failed.Headers.Location?.ToString());
        }

        var blocked = await server.PostLoginAsync(client, new Dictionary<string, string> { ["user"] = DashboardServer.User, ["password"] = DashboardServer.Password });
        Assert.StartsWith("/login?error=throttled", blocked.Headers.Location?.ToString());
        Assert.False(blocked.Headers.Contains("Set-Cookie"));
    }

    private static Task<HttpResponseMessage> SendWithCookieAsync(DashboardServer server, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/session");
        request.Headers.Add("Cookie", cookie);
        return server.Http.SendAsync(request);
    }
}
