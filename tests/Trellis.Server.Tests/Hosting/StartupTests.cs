using System.Net;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Tests.Hosting;

/// <summary>First start and restarts: the default workspace, its keys (configured or generated and shown once), seeding.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Without_configured_keys_random_ones_are_printed_once_and_work()
    {
        using var folder = new TempFolder();
        var noKeys = new Dictionary<string, string?> { ["Trellis:Keys:Write"] = null, ["Trellis:Keys:Secret"] = null };
        string write, secret;
        await using (var server = await RunningServer.StartAsync(noKeys, folder))
        {
            var printed = server.Console.ToString();
            write = Capture(printed, "write key");
            secret = Capture(printed, "secret key");
            Assert.StartsWith("trw_", write);
            Assert.StartsWith("trs_", secret);
            await ApiAssert.SuccessAsync(await server.IngestAsync("/v1/track", """{"userId":"u1","event":"A"}""", write));
            await ApiAssert.SuccessAsync(await server.AdminAsync(HttpMethod.Get, "/api/journeys", secretKey: secret));

            // Only hashes are stored.
            var record = await server.Store.Workspaces.GetAsync(RunningServer.Workspace);
            Assert.Equal(Sha256Hex.Of(write), record!.WriteKeyHash);
        }

        await using (var again = await RunningServer.StartAsync(noKeys, folder))
        {
            Assert.Equal("", again.Console.ToString());
            await ApiAssert.SuccessAsync(await again.IngestAsync("/v1/track", """{"userId":"u1","event":"B"}""", write));
            Assert.Equal(2, (await again.EventsOfAsync("u1")).Count);
        }
    }

    [Fact]
    public async Task Configured_keys_are_not_printed_and_replace_the_stored_ones_at_restart()
    {
        using var folder = new TempFolder();
        await using (var server = await RunningServer.StartAsync(folder: folder))
        {
            Assert.Equal("", server.Console.ToString());
        }

        var changed = new Dictionary<string, string?> { ["Trellis:Keys:Write"] = "new-write", ["Trellis:Keys:Secret"] = "new-secret" };
        await using var restarted = await RunningServer.StartAsync(changed, folder);
        await ApiAssert.ErrorAsync(await restarted.IngestAsync("/v1/track", """{"userId":"u1","event":"A"}"""), HttpStatusCode.Unauthorized, "invalid write key");
        await ApiAssert.SuccessAsync(await restarted.IngestAsync("/v1/track", """{"userId":"u1","event":"A"}""", "new-write"));
        await ApiAssert.SuccessAsync(await restarted.AdminAsync(HttpMethod.Get, "/api/journeys", secretKey: "new-secret"));
    }

    [Fact]
    public async Task Stored_journeys_are_not_overwritten_by_the_content_folder_at_restart()
    {
        using var folder = new TempFolder();
        await using (var server = await RunningServer.StartAsync(folder: folder))
        {
            await ApiAssert.SuccessAsync(await server.AdminAsync(HttpMethod.Post, "/api/journeys/welcome-series/pause"));
        }

        await using var restarted = await RunningServer.StartAsync(folder: folder);
        var body = await ApiAssert.SuccessAsync(await restarted.AdminAsync(HttpMethod.Get, "/api/journeys/welcome-series"));
        Assert.Equal("paused", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Without_a_content_folder_the_server_starts_empty()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["Trellis:Content:Path"] = null };
        await using var server = await RunningServer.StartAsync(settings, folder);
        var body = await ApiAssert.SuccessAsync(await server.AdminAsync(HttpMethod.Get, "/api/journeys"));
        Assert.Empty(body.GetProperty("journeys").EnumerateArray());
    }

    [Fact]
    public async Task The_default_database_is_a_file_under_data()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["Trellis:Storage:ConnectionString"] = null };
        await using var server = await RunningServer.StartAsync(settings, folder);
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "trellis.db")));
    }

    [Fact]
    public async Task An_unknown_storage_provider_stops_the_start_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["Trellis:Storage:Provider"] = "mongo" };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(settings, folder));
        Assert.Contains("'mongo' is not known", error.Message);
    }

    [Theory]
    [InlineData(null, "data/trellis.db")]
    [InlineData("db/x.db", "db/x.db")]
    [InlineData("Data Source=db/y.db;Cache=Shared", "db/y.db")]
    public void Sqlite_connection_strings_name_a_file_under_the_content_root(string? connectionString, string expected)
    {
        var root = Path.Combine(Path.GetTempPath(), "root");
        Assert.Equal(Path.Combine(root, expected), StoreOpener.SqlitePath(connectionString, root));
    }

    private static string Capture(string printed, string label)
    {
        var line = printed.Split('\n').Single(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal));
        return line[(line.LastIndexOf(' ') + 1)..].Trim();
    }
}
