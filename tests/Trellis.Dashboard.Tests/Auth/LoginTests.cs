using System.Net;
using System.Net.Http.Headers;

namespace Trellis.Dashboard.Tests.Auth;

/// <summary>Login, session cookie, logout and the guards on pages and API, over real HTTP.</summary>
public sealed class LoginTests : IAsyncLifetime
{
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync(startEngine: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/journeys/welcome-series")]
    [InlineData("/people/u001")]
    [InlineData("/templates/welcome-email/preview?person=u001")]
    [InlineData("/simulations")]
    public async Task Pages_send_anonymous_visitors_to_the_login_page_and_back(string path)
    {
        var response = await _server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?next=" + Uri.EscapeDataString(path), response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/dashboard/api/session")]
    [InlineData("/dashboard/api/journeys")]
    [InlineData("/dashboard/api/journeys/welcome-series")]
    [InlineData("/dashboard/api/people")]
    [InlineData("/dashboard/api/people/u001")]
    [InlineData("/dashboard/api/templates/welcome-email/preview")]
    [InlineData("/dashboard/api/simulations")]
    public async Task The_api_answers_401_without_a_session(string path)
    {
        var response = await _server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("log in", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_admin_secret_key_as_a_bearer_token_does_not_open_the_dashboard_api()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/journeys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServer.SecretKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_and_assets_are_public_and_locked_down()
    {
        var page = await _server.Http.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"key\"", await page.Content.ReadAsStringAsync());
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("http", policy);

        var script = await _server.Http.GetAsync("/dashboard/assets/app.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.StartsWith("text/javascript", script.Content.Headers.ContentType?.ToString());
        var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/assets/app.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await _server.Http.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Http.GetAsync("/dashboard/assets/secrets.txt")).StatusCode);
    }

    [Fact]
    public async Task Versioned_asset_urls_are_cached_for_good_and_other_versions_are_not()
    {
        var login = await (await _server.Http.GetAsync("/login")).Content.ReadAsStringAsync();
        var version = System.Text.RegularExpressions.Regex.Match(login, "/dashboard/assets/(v[0-9a-f]{12})/app.css").Groups[1].Value;
        Assert.NotEmpty(version);
        var current = await _server.Http.GetAsync($"/dashboard/assets/{version}/app.css");
        Assert.Equal("public, max-age=31536000, immutable", current.Headers.CacheControl?.ToString());
        var old = await _server.Http.GetAsync("/dashboard/assets/v000000000000/app.css");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("no-cache", old.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_secret_key_logs_in_with_an_http_only_strict_cookie()
    {
        var client = _server.NewClient(new CookieContainer());
        var response = await _server.PostLoginAsync(client, new Dictionary<string, string> { ["key"] = DashboardServer.SecretKey, ["next"] = "/journeys/win-back" });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/journeys/win-back", response.Headers.Location?.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("trellis_session=v1.", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        var session = await DashboardServer.JsonAsync(await client.GetAsync("/dashboard/api/session"));
        Assert.Equal("default", session.GetProperty("workspace").GetString());
        Assert.Equal("key", session.GetProperty("subject").GetString());
        var page = await client.GetAsync("/journeys/win-back");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("/dashboard/assets/v[0-9a-f]{12}/app.js", await page.Content.ReadAsStringAsync());
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_configured_user_and_password_log_in_too()
    {
        var client = _server.NewClient(new CookieContainer());
        var response = await _server.PostLoginAsync(client, new Dictionary<string, string> { ["user"] = DashboardServer.User, ["password"] = DashboardServer.Password });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var session = await DashboardServer.JsonAsync(await client.GetAsync("/dashboard/api/session"));
        Assert.Equal("user:" + DashboardServer.User, session.GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("key", "not-the-key", "", "")]
    [InlineData("key", DashboardServer.WriteKey, "", "")]
    [InlineData("user", "", DashboardServer.User, "wrong")]
    [InlineData("user", "", "someone", DashboardServer.Password)]
    [InlineData("none", "", "", "")]
    public async Task Wrong_credentials_go_back_to_the_form_without_a_cookie(string kind, string key, string user, string password)
    {
        var form = kind == "key" ? new Dictionary<string, string> { ["key"] = key } : new Dictionary<string, string> { ["user"] = user, ["password"] = password };
        form["next"] = "/people";
        var response = await _server.PostLoginAsync(_server.NewClient(new CookieContainer()), form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/login?error=invalid&next=%2Fpeople", response.Headers.Location?.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/login")]
    public async Task Login_never_redirects_off_the_server(string next)
    {
        var client = _server.NewClient(new CookieContainer());
        var response = await _server.PostLoginAsync(client, new Dictionary<string, string> { ["key"] = DashboardServer.SecretKey, ["next"] = next });
        Assert.Equal("/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_login_posted_from_another_origin_is_refused()
    {
        var response = await _server.PostLoginAsync(_server.NewClient(new CookieContainer()),
            new Dictionary<string, string> { ["key"] = DashboardServer.SecretKey }, origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_or_altered_cookie_is_no_session()
    {
        var logged = await _server.LoginAsync();
        var cookie = logged.Cookies.GetCookies(_server.BaseAddress)["trellis_session"]!;
        var parts = cookie.Value.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Replace('-', '+').Replace('_', '/') + new string('=', (4 - parts[1].Length % 4) % 4)));
        var altered = payload.Replace("\"ws\":\"default\"", "\"ws\":\"other\"");
        var forged = parts[0] + "." + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(altered)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + parts[2];
        foreach (var value in new[] { forged, parts[0] + "." + parts[1] + ".AAAA", "garbage", cookie.Value + "x" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/session");
            request.Headers.Add("Cookie", "trellis_session=" + value);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Logout_needs_the_anti_forgery_header_and_ends_the_session_even_for_a_copied_cookie()
    {
        var logged = await _server.LoginAsync();
        var copied = logged.Cookies.GetCookies(_server.BaseAddress)["trellis_session"]!.Value;
        Assert.Equal(HttpStatusCode.Forbidden, (await logged.PostAsync("/logout")).StatusCode);

        var response = await logged.PostAsync("/logout", logged.Csrf);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("trellis_session=;", response.Headers.GetValues("Set-Cookie").Single());
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/api/session");
        request.Headers.Add("Cookie", "trellis_session=" + copied);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.SendAsync(request)).StatusCode);
    }
}
