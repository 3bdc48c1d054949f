using System.Net;
using Trellis.Storage;

namespace Trellis.Server.Tests.Admin;

/// <summary>
/// A second workspace's keys never read or change the first one's data: every endpoint is tried with the
/// other workspace's ids, and the first workspace is checked to be unchanged afterwards.
/// </summary>
public sealed class WorkspaceIsolationTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private (WorkspaceId Id, string WriteKey, string SecretKey) _other;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync();
        _other = await _server.CreateWorkspaceAsync("other");
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/identify", """{"userId":"first-person","anonymousId":"first-anon","traits":{"plan":"pro"}}"""));
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Put, "/api/journeys/demo", TestJourneys.Valid("demo"), contentType: "application/yaml"), HttpStatusCode.Created);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<HttpResponseMessage> AsOther(HttpMethod method, string path, string? body = null, string contentType = "application/json") =>
        _server.AdminAsync(method, path, body, _other.SecretKey, contentType);

    [Fact]
    public async Task The_other_workspace_lists_none_of_the_first_ones_journeys()
    {
        var body = await ApiAssert.SuccessAsync(await AsOther(HttpMethod.Get, "/api/journeys"));
        Assert.Empty(body.GetProperty("journeys").EnumerateArray());
    }

    [Theory]
    [InlineData("GET", "/api/journeys/demo")]
    [InlineData("GET", "/api/journeys/welcome-series")]
    [InlineData("POST", "/api/journeys/demo/publish")]
    [InlineData("POST", "/api/journeys/welcome-series/pause")]
    [InlineData("GET", "/api/journeys/welcome-series/report")]
    public async Task The_first_workspaces_journeys_are_404_for_the_other(string method, string path)
    {
        await ApiAssert.ErrorAsync(await AsOther(new HttpMethod(method), path), HttpStatusCode.NotFound, "in this workspace");
    }

    [Theory]
    [InlineData("/api/profiles/first-person")]
    [InlineData("/api/profiles/first-anon")]
    [InlineData("/api/profiles/first-person/timeline")]
    public async Task The_first_workspaces_people_are_404_for_the_other(string path)
    {
        await ApiAssert.ErrorAsync(await AsOther(HttpMethod.Get, path), HttpStatusCode.NotFound, "in this workspace");
    }

    [Fact]
    public async Task Uploading_the_same_journey_id_creates_the_others_own_journey()
    {
        await ApiAssert.SuccessAsync(await AsOther(HttpMethod.Put, "/api/journeys/demo", TestJourneys.Valid("demo", "Theirs"), "application/yaml"), HttpStatusCode.Created);
        await ApiAssert.SuccessAsync(await AsOther(HttpMethod.Post, "/api/journeys/demo/publish"));

        var mine = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys/demo"));
        Assert.Equal("Demo journey", mine.GetProperty("name").GetString());
        Assert.Equal("draft", mine.GetProperty("status").GetString());
        Assert.Equal(1, mine.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Erasing_through_the_other_workspace_leaves_the_first_ones_person()
    {
        await ApiAssert.SuccessAsync(await AsOther(HttpMethod.Delete, "/api/profiles/first-person"));
        await ApiAssert.SuccessAsync(await AsOther(HttpMethod.Delete, "/api/profiles/first-anon"));

        var body = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/first-person"));
        Assert.Equal("first-person", body.GetProperty("id").GetString());
        Assert.Single(await _server.EventsOfAsync("first-person"));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"first-person","event":"Still here"}"""));
        Assert.Equal(2, (await _server.EventsOfAsync("first-person")).Count);
    }

    [Fact]
    public async Task Rotating_the_others_keys_leaves_the_first_ones_working()
    {
        await ApiAssert.SuccessAsync(await AsOther(HttpMethod.Post, "/api/keys/rotate"));
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys"));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"first-person","event":"A"}"""));
        await ApiAssert.ErrorAsync(await AsOther(HttpMethod.Get, "/api/journeys"), HttpStatusCode.Unauthorized, "invalid secret key");
    }

    [Fact]
    public async Task Each_write_key_ingests_into_its_own_workspace()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"first-person","event":"From other"}""", _other.WriteKey));

        Assert.Single(await _server.EventsOfAsync("first-person"));
        var theirs = await _server.EventsOfAsync("first-person", _other.Id);
        Assert.Equal("From other", Assert.Single(theirs).EventName);

        var body = await ApiAssert.SuccessAsync(await AsOther(HttpMethod.Get, "/api/profiles/first-person/timeline"));
        Assert.Equal("From other", Assert.Single(body.GetProperty("events").EnumerateArray()).GetProperty("event").GetString());
    }

    [Fact]
    public async Task A_messageId_used_in_one_workspace_is_not_a_duplicate_in_another()
    {
        const string call = """{"userId":"x","event":"A","messageId":"shared-id"}""";
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", call));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", call, _other.WriteKey));
        Assert.Single(await _server.EventsOfAsync("x"));
        Assert.Single(await _server.EventsOfAsync("x", _other.Id));
    }
}
