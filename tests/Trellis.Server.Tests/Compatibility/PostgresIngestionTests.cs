using System.Net;
using Trellis.Storage;

namespace Trellis.Server.Tests.Compatibility;

/// <summary>The server on PostgreSQL (Trellis__Storage__Provider=postgres): ingestion round trip, dedupe, admin reads, erasure, restart.</summary>
public sealed class PostgresIngestionTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private readonly TempFolder _folder = new();
    private RunningServer _server = null!;

    private Dictionary<string, string?> Settings => new()
    {
        ["Trellis:Storage:Provider"] = "postgres",
        ["Trellis:Storage:ConnectionString"] = PostgresTestDatabase.ConnectionString,
        ["Trellis:Storage:Schema"] = _schema,
    };

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(Settings, _folder);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await PostgresTestDatabase.DropSchemaAsync(_schema);
        _folder.Dispose();
    }

    [Fact]
    public async Task Events_round_trip_through_postgres_and_survive_a_restart()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """
            {"batch":[
              {"type":"identify","userId":"pg1","anonymousId":"pg-anon","traits":{"plan":"pro"},"messageId":"pg-m1"},
              {"type":"track","userId":"pg1","event":"Order Completed","properties":{"total":9},"messageId":"pg-m2"},
              {"type":"page","anonymousId":"pg-anon","name":"Pricing","messageId":"pg-m3"}
            ]}
            """));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"pg1","event":"Order Completed","messageId":"pg-m2"}"""));

        var events = await _server.EventsOfAsync("pg1");
        Assert.Equal([EventKind.Identify, EventKind.Track, EventKind.Page], events.Select(e => e.Kind));
        Assert.Equal(1, _server.Metrics.EventsDuplicate.Value);
        var timeline = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/pg-anon/timeline"));
        Assert.Equal(3, timeline.GetProperty("events").GetArrayLength());
        var journeys = await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Get, "/api/journeys"));
        Assert.Contains(journeys.GetProperty("journeys").EnumerateArray(), j => j.GetProperty("id").GetString() == "welcome-series");

        await _server.DisposeAsync();
        _server = await RunningServer.StartAsync(Settings, _folder);
        Assert.Equal(3, (await _server.EventsOfAsync("pg1")).Count);
        Assert.Equal("", _server.Console.ToString());
    }

    [Fact]
    public async Task Erasure_on_postgres_refuses_late_events()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"pg2","event":"A"}"""));
        await ApiAssert.SuccessAsync(await _server.AdminAsync(HttpMethod.Delete, "/api/profiles/pg2"));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"pg2","event":"Late"}"""));
        Assert.Empty(await _server.EventsOfAsync("pg2"));
        Assert.Equal(1, _server.Metrics.EventsRefused.Value);
        await ApiAssert.ErrorAsync(await _server.AdminAsync(HttpMethod.Get, "/api/profiles/pg2"), HttpStatusCode.NotFound, "was erased");
    }

    [Fact]
    public async Task The_official_segment_client_works_against_postgres()
    {
        var (exitCode, output) = await NodeScript.RunAsync(_server.BaseAddress.ToString().TrimEnd('/'), RunningServer.WriteKey, "5", "pg-sdk-");
        Assert.True(exitCode == 0, output);
        Assert.Equal(20, _server.Metrics.EventsIngested.Value);
        Assert.Equal("pg-sdk-user-3", await _server.Store.Persons.ResolveAsync(RunningServer.Workspace, "pg-sdk-anon-3"));
    }
}
