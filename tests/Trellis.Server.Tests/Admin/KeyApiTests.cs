using System.Net;

namespace Trellis.Server.Tests.Admin;

/// <summary><c>POST /api/keys/rotate</c>: new keys shown once, old ones refused at once.</summary>
public sealed class KeyApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Rotating_the_write_key_retires_the_old_one()
    {
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Post, "/api/keys/rotate", """{"kind":"write"}"""));
        var newKey = body.GetProperty("writeKey").GetString()!;
        Assert.StartsWith("trw_", newKey);
        Assert.False(body.TryGetProperty("secretKey", out _));

        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/track", """{"userId":"u1","event":"A"}"""), HttpStatusCode.Unauthorized, "invalid write key");
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"u1","event":"A"}""", newKey));
        // The admin key was not touched.
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys"));
    }

    [Fact]
    public async Task Rotating_the_secret_key_retires_the_old_one()
    {
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Post, "/api/keys/rotate", """{"kind":"secret"}"""));
        var newKey = body.GetProperty("secretKey").GetString()!;
        Assert.StartsWith("trs_", newKey);

        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys"), HttpStatusCode.Unauthorized, "invalid secret key");
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys", secretKey: newKey));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"u1","event":"A"}"""));
    }

    [Fact]
    public async Task Without_a_body_both_keys_are_rotated()
    {
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Post, "/api/keys/rotate"));
        Assert.Equal("default", body.GetProperty("workspace").GetString());
        Assert.NotEqual(body.GetProperty("writeKey").GetString(), body.GetProperty("secretKey").GetString());
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys", secretKey: body.GetProperty("secretKey").GetString()));
    }

    [Theory]
    [InlineData("""{"kind":"admin"}""", "\"kind\" must be")]
    [InlineData("""{"kind":1}""", "\"kind\" must be")]
    [InlineData("""[1]""", "must be a JSON object")]
    [InlineData("""{oops""", "malformed JSON")]
    public async Task A_bad_rotation_request_is_400_and_changes_nothing(string body, string error)
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Post, "/api/keys/rotate", body), HttpStatusCode.BadRequest, error);
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys"));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"u1","event":"A"}"""));
    }
}
