using System.Net;

namespace Trellis.Server.Tests.Ingestion;

/// <summary>Bad input: a clear 400 naming the call and field, and nothing of the request stored.</summary>
public sealed class IngestionValidationTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/v1/track", """{"userId":"u1","event":"A" """, "malformed JSON")]
    [InlineData("/v1/track", "", "malformed JSON")]
    [InlineData("/v1/track", "[1,2]", "must be a JSON object")]
    [InlineData("/v1/track", "\"text\"", "must be a JSON object")]
    [InlineData("/v1/batch", "not json", "malformed JSON")]
    public async Task Malformed_bodies_are_refused(string path, string body, string error)
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync(path, body), HttpStatusCode.BadRequest, error);
        Assert.Equal(1, _server.Metrics.RequestsRejected.Value("malformed"));
    }

    [Theory]
    [InlineData("/v1/track", """{"event":"A"}""", "track: every call needs \"userId\" or \"anonymousId\"")]
    [InlineData("/v1/identify", """{"userId":"","anonymousId":null}""", "identify: every call needs \"userId\" or \"anonymousId\"")]
    [InlineData("/v1/track", """{"userId":"u1"}""", "track: track needs \"event\"")]
    [InlineData("/v1/track", """{"userId":"u1","event":""}""", "track: track needs \"event\"")]
    [InlineData("/v1/alias", """{"userId":"u1"}""", "alias: alias needs \"previousId\"")]
    [InlineData("/v1/alias", """{"anonymousId":"a1","previousId":"p1"}""", "alias: alias needs \"userId\"")]
    [InlineData("/v1/group", """{"userId":"u1"}""", "group: group needs \"groupId\"")]
    public async Task Missing_required_fields_are_refused(string path, string body, string error)
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync(path, body), HttpStatusCode.BadRequest, error);
        Assert.Empty(await _server.EventsOfAsync("u1"));
    }

    [Theory]
    [InlineData("""{"userId":"u1","event":5}""", "\"event\" must be a string, got a number")]
    [InlineData("""{"userId":"u1","event":"A","properties":"x"}""", "\"properties\" must be an object, got a string")]
    [InlineData("""{"userId":"u1","event":"A","properties":[1]}""", "\"properties\" must be an object, got an array")]
    [InlineData("""{"userId":"u1","event":"A","context":true}""", "\"context\" must be an object, got a boolean")]
    [InlineData("""{"userId":{"id":1},"event":"A"}""", "\"userId\" must be a string, got an object")]
    [InlineData("""{"userId":"u1","event":"A","timestamp":"yesterday"}""", "\"timestamp\" is not an ISO-8601 time")]
    [InlineData("""{"userId":"u1","event":"A","timestamp":12}""", "\"timestamp\" must be an ISO-8601 time string")]
    [InlineData("""{"userId":"u1","event":"A","sentAt":"soon"}""", "\"sentAt\" is not an ISO-8601 time")]
    [InlineData("""{"userId":"u1","event":"A","messageId":7}""", "\"messageId\" must be a string")]
    public async Task Wrong_types_are_refused(string body, string error)
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/track", body), HttpStatusCode.BadRequest, "track: " + error);
        Assert.Empty(await _server.EventsOfAsync("u1"));
    }

    [Fact]
    public async Task Too_long_ids_are_refused()
    {
        var id = new string('x', 513);
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/track", $$"""{"userId":"{{id}}","event":"A"}"""),
            HttpStatusCode.BadRequest, "\"userId\" is longer than 512 characters");
    }

    [Theory]
    [InlineData("""{}""", "a batch needs \"batch\": an array of calls")]
    [InlineData("""{"batch":{"type":"track"}}""", "a batch needs \"batch\": an array of calls")]
    [InlineData("""{"batch":[{"userId":"u1","event":"A"}]}""", "batch[0]: \"type\" must be one of identify, track, page, screen, group, alias")]
    [InlineData("""{"batch":[{"type":"purchase","userId":"u1"}]}""", "batch[0]: \"type\" must be one of")]
    [InlineData("""{"batch":[42]}""", "batch[0]: a call must be a JSON object")]
    [InlineData("""{"sentAt":"never","batch":[]}""", "batch: \"sentAt\" is not an ISO-8601 time")]
    [InlineData("""{"context":"x","batch":[]}""", "batch: \"context\" must be an object")]
    public async Task Malformed_batches_are_refused(string body, string error)
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/batch", body), HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task One_bad_call_refuses_the_whole_batch_and_names_it()
    {
        var response = await _server.IngestAsync("/v1/batch", """
            {"batch":[
              {"type":"track","userId":"u1","event":"Fine"},
              {"type":"identify","userId":"u1","traits":{}},
              {"type":"track","userId":"u1","event":5}
            ]}
            """);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "batch[2]: \"event\" must be a string, got a number");
        Assert.Empty(await _server.EventsOfAsync("u1"));
        Assert.Equal(0, _server.Metrics.EventsIngested.Value);
        Assert.Equal(1, _server.Metrics.RequestsRejected.Value("invalid"));
    }

    [Fact]
    public async Task A_single_call_endpoint_ignores_a_type_in_the_body()
    {
        // Segment's /v1/track takes any body "type"; the endpoint decides.
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"type":"identify","userId":"u1","event":"A"}"""));
        Assert.Equal(Storage.EventKind.Track, Assert.Single(await _server.EventsOfAsync("u1")).Kind);
    }

    [Fact]
    public async Task Page_and_screen_names_must_be_text()
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/page", """{"userId":"u1","name":3}"""),
            HttpStatusCode.BadRequest, "page: \"name\" must be a string");
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/screen", """{"userId":"u1","category":{}}"""),
            HttpStatusCode.BadRequest, "screen: \"category\" must be a string");
    }

    [Fact]
    public async Task An_unsupported_content_encoding_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/track") { Content = new StringContent("""{"userId":"u1","event":"A"}""") };
        request.Content.Headers.ContentEncoding.Add("br");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(RunningServer.WriteKey + ":")));
        await ApiAssert.ErrorAsync(await _server.Http.SendAsync(request), HttpStatusCode.BadRequest, "Content-Encoding 'br' is not supported");
    }
}
