using System.Net;
using System.Text.Json;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Tests.Ingestion;

/// <summary>The six Segment calls and batch: accepted, stored durably before the 200, with Segment's fields filled in.</summary>
public sealed class IngestionTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/v1/identify", """{"userId":"u1","traits":{"email":"ada@example.com"}}""", EventKind.Identify, null)]
    [InlineData("/v1/track", """{"userId":"u1","event":"Signed Up","properties":{"plan":"pro"}}""", EventKind.Track, "Signed Up")]
    [InlineData("/v1/page", """{"userId":"u1","name":"Pricing","properties":{"url":"https://example.com"}}""", EventKind.Page, "Page Viewed")]
    [InlineData("/v1/screen", """{"anonymousId":"u1","name":"Home"}""", EventKind.Screen, "Screen Viewed")]
    [InlineData("/v1/group", """{"userId":"u1","groupId":"g1","traits":{"name":"Acme"}}""", EventKind.Group, null)]
    public async Task Each_call_is_stored_once_acknowledged(string path, string json, EventKind kind, string? eventName)
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync(path, json));

        // The 200 came after the commit: the event is readable at once.
        var stored = Assert.Single(await _server.EventsOfAsync("u1"));
        Assert.Equal(kind, stored.Kind);
        Assert.Equal(eventName, stored.EventName);
        using var payload = JsonDocument.Parse(stored.PayloadJson);
        Assert.Equal(path["/v1/".Length..], payload.RootElement.GetProperty("type").GetString());
        Assert.True(payload.RootElement.TryGetProperty("receivedAt", out _));
        Assert.Equal(1, _server.Metrics.EventsIngested.Value);
    }

    [Fact]
    public async Task Alias_links_the_previous_id_to_the_user()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"anonymousId":"anon-1","event":"Viewed Pricing"}"""));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/alias", """{"previousId":"anon-1","userId":"user-1"}"""));

        Assert.Equal("user-1", await _server.Store.Persons.ResolveAsync(RunningServer.Workspace, "anon-1"));
        var events = await _server.EventsOfAsync("user-1");
        Assert.Equal([EventKind.Track, EventKind.Alias], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task Batch_stores_every_call_with_its_own_type()
    {
        var response = await _server.IngestAsync("/v1/batch", """
            {"batch": [
              {"type":"identify","userId":"b1","traits":{"plan":"team"}},
              {"type":"track","userId":"b1","event":"Order Completed","properties":{"total":30}},
              {"type":"page","userId":"b1","name":"Checkout"},
              {"type":"screen","userId":"b1","name":"Cart"},
              {"type":"group","userId":"b1","groupId":"acme"},
              {"type":"alias","previousId":"anon-b1","userId":"b1"}
            ]}
            """);
        await ApiAssert.SuccessAsync(response);

        var events = await _server.EventsOfAsync("b1");
        Assert.Equal(
            [EventKind.Identify, EventKind.Track, EventKind.Page, EventKind.Screen, EventKind.Group, EventKind.Alias],
            events.Select(e => e.Kind));
        Assert.Equal(6, _server.Metrics.EventsIngested.Value);
    }

    [Fact]
    public async Task An_empty_batch_is_accepted()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """{"batch": []}"""));
        Assert.Equal(0, _server.Metrics.EventsIngested.Value);
    }

    [Fact]
    public async Task A_repeated_messageId_is_stored_once()
    {
        const string call = """{"userId":"d1","event":"Clicked","messageId":"m-123"}""";
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", call));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", call));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """{"batch":[{"type":"track","userId":"d1","event":"Clicked","messageId":"m-123"}]}"""));

        var stored = Assert.Single(await _server.EventsOfAsync("d1"));
        Assert.Equal("m-123", stored.MessageId);
        Assert.Equal(1, _server.Metrics.EventsIngested.Value);
        Assert.Equal(2, _server.Metrics.EventsDuplicate.Value);
    }

    [Fact]
    public async Task A_missing_messageId_is_generated_so_identical_calls_both_count()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"g1","event":"Clicked"}"""));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"g1","event":"Clicked"}"""));

        var events = await _server.EventsOfAsync("g1");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.StartsWith("trellis-", e.MessageId));
        Assert.NotEqual(events[0].MessageId, events[1].MessageId);
        using var payload = JsonDocument.Parse(events[0].PayloadJson);
        Assert.Equal(events[0].MessageId, payload.RootElement.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Timestamp_is_corrected_for_the_clients_clock_skew()
    {
        // The device clock is 2 hours fast: it says it sent at 12:00 what happened at 11:50 its time.
        var before = SystemClock.Instance.GetCurrentInstant();
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track",
            """{"userId":"s1","event":"Clicked","timestamp":"2030-01-01T11:50:00Z","sentAt":"2030-01-01T12:00:00Z"}"""));
        var after = SystemClock.Instance.GetCurrentInstant();

        var stored = Assert.Single(await _server.EventsOfAsync("s1"));
        Assert.InRange(stored.Timestamp, before - Duration.FromMinutes(10), after - Duration.FromMinutes(10));
        using var payload = JsonDocument.Parse(stored.PayloadJson);
        Assert.Equal("2030-01-01T11:50:00Z", payload.RootElement.GetProperty("originalTimestamp").GetString());
    }

    [Fact]
    public async Task A_batch_sentAt_corrects_every_call_without_its_own()
    {
        var before = SystemClock.Instance.GetCurrentInstant();
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """
            {"sentAt":"2001-05-05T10:00:00Z","batch":[
              {"type":"track","userId":"s2","event":"A","timestamp":"2001-05-05T09:00:00Z"},
              {"type":"track","userId":"s2","event":"B","timestamp":"2001-05-05T09:30:00Z","sentAt":"2001-05-05T09:30:00Z"}
            ]}
            """));

        var events = await _server.EventsOfAsync("s2");
        Assert.InRange(events[0].Timestamp, before - Duration.FromHours(1) - Duration.FromSeconds(5), before - Duration.FromHours(1) + Duration.FromSeconds(30));
        Assert.InRange(events[1].Timestamp, before - Duration.FromSeconds(5), before + Duration.FromSeconds(30));
    }

    [Fact]
    public async Task Without_sentAt_the_clients_timestamp_is_kept_and_without_either_the_receive_time_is_used()
    {
        var before = SystemClock.Instance.GetCurrentInstant();
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"s3","event":"A","timestamp":"2024-02-29T08:00:00+02:00"}"""));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"s3","event":"B"}"""));

        var events = await _server.EventsOfAsync("s3");
        Assert.Equal(Instant.FromUtc(2024, 2, 29, 6, 0), events[0].Timestamp);
        Assert.InRange(events[1].Timestamp, before, before + Duration.FromSeconds(30));
    }

    [Fact]
    public async Task Unknown_fields_are_accepted_and_kept_and_the_write_key_is_never_stored()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track",
            """{"userId":"f1","event":"A","writeKey":"test-write-key","channel":"server","version":2,"_metadata":{"x":1},"context":{"ip":"1.2.3.4"},"integrations":{"All":true}}"""));

        var stored = Assert.Single(await _server.EventsOfAsync("f1"));
        using var payload = JsonDocument.Parse(stored.PayloadJson);
        Assert.Equal("server", payload.RootElement.GetProperty("channel").GetString());
        Assert.Equal(2, payload.RootElement.GetProperty("version").GetInt32());
        Assert.False(payload.RootElement.TryGetProperty("writeKey", out _));
        Assert.DoesNotContain(RunningServer.WriteKey, stored.PayloadJson);
    }

    [Fact]
    public async Task Numeric_ids_are_taken_as_their_text()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/identify", """{"userId":12345,"traits":{}}"""));
        Assert.Single(await _server.EventsOfAsync("12345"));
    }

    [Fact]
    public async Task A_gzipped_body_is_accepted()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("""{"batch":[{"type":"track","userId":"z1","event":"Zipped"}]}""");
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(RunningServer.WriteKey + ":")));
        await ApiAssert.SuccessAsync(await _server.Http.SendAsync(request));
        Assert.Equal("Zipped", Assert.Single(await _server.EventsOfAsync("z1")).EventName);
    }

    [Fact]
    public async Task A_batch_context_is_given_to_calls_without_their_own()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """
            {"context":{"library":{"name":"x"}},"batch":[
              {"type":"track","userId":"c1","event":"A"},
              {"type":"track","userId":"c1","event":"B","context":{"library":{"name":"own"}}}
            ]}
            """));
        var events = await _server.EventsOfAsync("c1");
        string Library(StoredEvent e) => JsonDocument.Parse(e.PayloadJson).RootElement.GetProperty("context").GetProperty("library").GetProperty("name").GetString()!;
        Assert.Equal(["x", "own"], events.Select(Library));
    }

    [Fact]
    public async Task Events_of_an_erased_person_are_refused_but_the_request_still_succeeds()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"gone","event":"A"}"""));
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Delete, "/api/profiles/gone"));

        var response = await _server.IngestAsync("/v1/batch", """
            {"batch":[{"type":"track","userId":"gone","event":"Late"},{"type":"track","userId":"kept","event":"B"}]}
            """);

        await ApiAssert.SuccessAsync(response);
        Assert.Empty(await _server.EventsOfAsync("gone"));
        Assert.Single(await _server.EventsOfAsync("kept"));
        Assert.Equal(1, _server.Metrics.EventsRefused.Value);
        Assert.Null(await _server.Store.Persons.GetProfileAsync(RunningServer.Workspace, "gone"));
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_not_ingestion()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _server.IngestAsync("/v1/unknown", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _server.Http.GetAsync("/v1/track")).StatusCode);
    }
}
