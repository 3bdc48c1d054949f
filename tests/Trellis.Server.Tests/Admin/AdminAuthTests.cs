using System.Net;

namespace Trellis.Server.Tests.Admin;

/// <summary>Every admin endpoint needs <c>Authorization: Bearer &lt;secret key&gt;</c>.</summary>
public sealed class AdminAuthTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/journeys" },
        { "GET", "/api/journeys/welcome-series" },
        { "PUT", "/api/journeys/welcome-series" },
        { "POST", "/api/journeys/welcome-series/publish" },
        { "POST", "/api/journeys/welcome-series/pause" },
        { "GET", "/api/journeys/welcome-series/report" },
        { "GET", "/api/profiles/u1" },
        { "GET", "/api/profiles/u1/timeline" },
        { "DELETE", "/api/profiles/u1" },
        { "POST", "/api/keys/rotate" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_the_secret_key_every_endpoint_is_401(string method, string path)
    {
        var response = await _server.AdminAsync(new HttpMethod(method), path, "{}", secretKey: null);
        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing secret key");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task With_a_wrong_key_or_the_write_key_every_endpoint_is_401(string method, string path)
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(new HttpMethod(method), path, "{}", secretKey: "wrong"), HttpStatusCode.Unauthorized, "invalid secret key");
        await ApiAssert.ErrorAsync(await _server.AdminAsync(new HttpMethod(method), path, "{}", secretKey: RunningServer.WriteKey), HttpStatusCode.Unauthorized, "invalid secret key");
    }

    [Fact]
    public async Task Basic_credentials_are_not_accepted_for_the_admin_api()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/journeys");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(RunningServer.SecretKey + ":")));
        await ApiAssert.ErrorAsync(await _server.Http.SendAsync(request), HttpStatusCode.Unauthorized, "missing secret key");
    }

    [Fact]
    public async Task Nothing_was_changed_by_the_refused_calls()
    {
        await _server.AdminAsync(HttpMethod.Post, "/api/journeys/welcome-series/pause", secretKey: "wrong");
        await _server.AdminAsync(HttpMethod.Post, "/api/keys/rotate", secretKey: "wrong");
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/welcome-series"));
        Assert.Equal("live", body.GetProperty("status").GetString());
    }
}
