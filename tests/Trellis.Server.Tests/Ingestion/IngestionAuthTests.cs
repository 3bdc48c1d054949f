using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Trellis.Server.Tests.Ingestion;

/// <summary>The write key: HTTP Basic user name (empty password), or <c>writeKey</c> in the body; anything else is 401.</summary>
public sealed class IngestionAuthTests : IAsyncLifetime
{
    private const string Call = """{"userId":"u1","event":"A"}""";

    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/v1/track")]
    [InlineData("/v1/identify")]
    [InlineData("/v1/page")]
    [InlineData("/v1/screen")]
    [InlineData("/v1/group")]
    [InlineData("/v1/alias")]
    [InlineData("/v1/batch")]
    public async Task Without_a_key_every_endpoint_answers_401(string path)
    {
        var response = await _server.IngestAsync(path, Call, writeKey: null);
        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing write key");
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_before_anything_is_stored()
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/track", Call, writeKey: "nope"), HttpStatusCode.Unauthorized, "invalid write key");
        Assert.Empty(await _server.EventsOfAsync("u1"));
        Assert.Equal(1, _server.Metrics.RequestsRejected.Value("unauthorized"));
    }

    [Fact]
    public async Task The_secret_key_is_not_a_write_key()
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/track", Call, writeKey: RunningServer.SecretKey), HttpStatusCode.Unauthorized, "invalid write key");
    }

    [Fact]
    public async Task A_password_after_the_key_is_ignored()
    {
        var request = Request(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(RunningServer.WriteKey + ":whatever"))));
        await ApiAssert.SuccessAsync(await _server.Http.SendAsync(request));
    }

    [Fact]
    public async Task Other_schemes_and_malformed_basic_credentials_are_401()
    {
        await ApiAssert.ErrorAsync(await _server.Http.SendAsync(Request(new AuthenticationHeaderValue("Bearer", RunningServer.WriteKey))),
            HttpStatusCode.Unauthorized, "missing write key");
        await ApiAssert.ErrorAsync(await _server.Http.SendAsync(Request(new AuthenticationHeaderValue("Basic", "%%%not-base64"))),
            HttpStatusCode.Unauthorized, "missing write key");
    }

    [Fact]
    public async Task The_write_key_may_come_in_the_body()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"writeKey":"test-write-key","userId":"u1","event":"A"}""", writeKey: null));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """{"writeKey":"test-write-key","batch":[{"type":"track","userId":"u1","event":"B"}]}""", writeKey: null));
        Assert.Equal(2, (await _server.EventsOfAsync("u1")).Count);
    }

    [Fact]
    public async Task A_wrong_key_in_the_body_is_401()
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/track", """{"writeKey":"wrong","userId":"u1","event":"A"}""", writeKey: null),
            HttpStatusCode.Unauthorized, "invalid write key");
        Assert.Empty(await _server.EventsOfAsync("u1"));
    }

    private static HttpRequestMessage Request(AuthenticationHeaderValue authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/track") { Content = new StringContent(Call, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = authorization;
        return request;
    }
}
