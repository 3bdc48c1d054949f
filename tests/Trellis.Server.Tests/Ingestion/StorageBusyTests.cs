using System.Net;
using Microsoft.Data.Sqlite;

namespace Trellis.Server.Tests.Ingestion;

/// <summary>When storage cannot take the write, the client is told to retry (503 + Retry-After) and nothing is half-stored.</summary>
public sealed class StorageBusyTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_locked_database_gives_503_with_retry_after_and_the_retry_succeeds()
    {
        // Another process holding SQLite's write lock, as a long backup or a second server would.
        await using (var other = new SqliteConnection($"Data Source={_server.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            var refused = await _server.IngestAsync("/v1/track", """{"userId":"busy","event":"A","messageId":"busy-1"}""");
            await ApiAssert.ErrorAsync(refused, HttpStatusCode.ServiceUnavailable, "retry shortly");
            Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
            Assert.Equal(1, _server.Metrics.RequestsRejected.Value("unavailable"));
        }

        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"busy","event":"A","messageId":"busy-1"}"""));
        Assert.Single(await _server.EventsOfAsync("busy"));
    }
}
