using System.Net;
using System.Text.Json;

namespace Trellis.Server.Tests.Admin;

/// <summary><c>/api/journeys</c>: list, read, upload with validation, publish, pause, report.</summary>
public sealed class JourneyApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_content_folders_journeys_are_live_from_the_first_start()
    {
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys"));
        var journeys = body.GetProperty("journeys").EnumerateArray().ToList();
        var ids = journeys.Select(j => j.GetProperty("id").GetString()).ToList();
        Assert.Contains("welcome-series", ids);
        Assert.Contains("payment-failed", ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var welcome = journeys.Single(j => j.GetProperty("id").GetString() == "welcome-series");
        Assert.Equal("Welcome series", welcome.GetProperty("name").GetString());
        Assert.Equal("live", welcome.GetProperty("status").GetString());
        Assert.Equal(50, welcome.GetProperty("priority").GetInt32());
        Assert.Equal(1, welcome.GetProperty("version").GetInt64());
        Assert.False(welcome.TryGetProperty("source", out _));
    }

    [Fact]
    public async Task One_journey_comes_with_its_source()
    {
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/cart-recovery"));
        Assert.Equal("cart-recovery", body.GetProperty("id").GetString());
        Assert.Equal("live", body.GetProperty("status").GetString());
        Assert.Contains("journey: cart-recovery", body.GetProperty("source").GetString());
    }

    [Fact]
    public async Task An_unknown_journey_is_404()
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/nope"), HttpStatusCode.NotFound, "no journey 'nope'");
    }

    [Fact]
    public async Task Uploading_a_new_journey_stores_a_draft_and_uploading_again_a_new_version()
    {
        var created = await ApiAssert.SuccessAsync(
            await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", TestJourneys.Valid("demo"), contentType: "application/yaml"),
            HttpStatusCode.Created);
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal("Demo journey", created.GetProperty("name").GetString());
        Assert.Equal(42, created.GetProperty("priority").GetInt32());

        var updated = await ApiAssert.SuccessAsync(
            await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", TestJourneys.Valid("demo", "Renamed", 7), contentType: "text/yaml"));
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("Renamed", updated.GetProperty("name").GetString());

        var read = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/demo"));
        Assert.Contains("name: Renamed", read.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_journey_can_be_uploaded_as_json_with_an_expected_version()
    {
        var source = JsonSerializer.Serialize(TestJourneys.Valid("demo"));
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", $$"""{"source":{{source}},"expectedVersion":0}"""), HttpStatusCode.Created);
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", $$"""{"source":{{source}},"expectedVersion":1}"""));

        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", $$"""{"source":{{source}},"expectedVersion":1}"""),
            HttpStatusCode.Conflict, "is at version 2, not 1");
    }

    [Fact]
    public async Task An_invalid_journey_is_422_with_file_line_messages_and_nothing_is_stored()
    {
        var response = await _server.AdminAsync(HttpMethod.Put, "/api/journeys/broken", TestJourneys.WithUnknownTemplate("broken"), contentType: "application/yaml");
        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "the journey is not valid");
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Matches(@"^broken\.journey\.yaml:\d+: ", e));
        Assert.Contains(errors, e => e.Contains("no-such-template", StringComparison.Ordinal));
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/broken"), HttpStatusCode.NotFound, "no journey");
    }

    [Theory]
    [InlineData("journey: [unclosed")]
    [InlineData("just text")]
    [InlineData("")]
    public async Task Yaml_that_is_not_a_journey_is_422(string source)
    {
        var body = await ApiAssert.ErrorAsync(
            await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", source, contentType: "application/yaml"),
            HttpStatusCode.UnprocessableEntity, "not valid");
        Assert.All(body.GetProperty("errors").EnumerateArray(), e => Assert.StartsWith("demo.journey.yaml:", e.GetString()));
    }

    [Fact]
    public async Task The_journey_id_must_match_the_url()
    {
        var body = await ApiAssert.ErrorAsync(
            await _server.AdminAsync(HttpMethod.Put, "/api/journeys/other", TestJourneys.Valid("demo"), contentType: "application/yaml"),
            HttpStatusCode.UnprocessableEntity, "not valid");
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("is not the id in the URL ('other')", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bad%20Id")]
    [InlineData("UPPER")]
    [InlineData("a--b")]
    public async Task An_id_that_is_not_a_slug_is_400(string id)
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/" + id, TestJourneys.Valid("x"), contentType: "application/yaml"),
            HttpStatusCode.BadRequest, "is not valid");
    }

    [Theory]
    [InlineData("{\"source\": 5}", "needs \"source\"")]
    [InlineData("{\"nosource\": \"x\"}", "needs \"source\"")]
    [InlineData("{\"source\": \"x\", \"expectedVersion\": \"one\"}", "\"expectedVersion\" must be a whole number")]
    [InlineData("{not json", "malformed JSON")]
    public async Task Bad_json_uploads_are_400(string body, string error)
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", body), HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task An_upload_over_256_KB_is_refused()
    {
        var source = TestJourneys.Valid("demo") + "\n# " + new string('x', 300 * 1024);
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", source, contentType: "application/yaml"),
            HttpStatusCode.BadRequest, "over the limit of 256 KB");
    }

    [Fact]
    public async Task Publish_makes_a_draft_live_and_pause_stops_it()
    {
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", TestJourneys.Valid("demo"), contentType: "application/yaml"), HttpStatusCode.Created);

        var published = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Post, "/api/journeys/demo/publish"));
        Assert.Equal("live", published.GetProperty("status").GetString());
        var paused = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Post, "/api/journeys/demo/pause"));
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        Assert.Equal(1, paused.GetProperty("version").GetInt64());

        var listed = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys"));
        Assert.Equal("paused", listed.GetProperty("journeys").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "demo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_guardrail_status_is_shown_as_paused_by_guardrail()
    {
        var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
        await _server.Store.Journeys.SetStatusAsync(RunningServer.Workspace, "win-back", Storage.JourneyStatus.PausedByGuardrail, "complaint rate", now);
        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/win-back"));
        Assert.Equal("paused_by_guardrail", body.GetProperty("status").GetString());
        Assert.Equal("complaint rate", body.GetProperty("statusReason").GetString());
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("pause")]
    public async Task Publishing_or_pausing_an_unknown_journey_is_404(string action)
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Post, $"/api/journeys/nope/{action}"), HttpStatusCode.NotFound, "no journey 'nope'");
    }

    [Fact]
    public async Task Reports_are_404_for_unknown_journeys()
    {
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/nope/report"), HttpStatusCode.NotFound, "no journey");
    }
}
