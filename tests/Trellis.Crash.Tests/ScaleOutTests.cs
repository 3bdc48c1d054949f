using System.Net.Http.Headers;
using System.Text;
using Trellis.Storage;

namespace Trellis.Crash.Tests;

/// <summary>
/// Three `trellis serve` processes on one PostgreSQL share the work through the store's row locks alone:
/// events posted to any of them are processed once, every person's sends happen once, and when one process
/// is killed mid-run the others take its people over (their timers still fire).
/// </summary>
public class ScaleOutTests
{
    private const string WriteKey = "scale-write-key";
    private const int People = 90;

    [Fact]
    public async Task Three_processes_share_the_work_and_survive_losing_one()
    {
        var folder = Directory.CreateTempSubdirectory("trellis-scale-").FullName;
        var backend = new PostgresCrashBackend();
        var environment = new Dictionary<string, string>(backend.Environment)
        {
            ["Trellis__Keys__Write"] = WriteKey,
            ["Trellis__Keys__Secret"] = "scale-secret-key",
            ["Trellis__Content__Path"] = CrashContent.Write(folder),
        };

        var servers = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                servers.Add(await ServerProcess.StartAsync(environment, ServerProcess.FreePort(), folder));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
            for (var i = 0; i < People; i++)
            {
                // Round-robin over the processes: each accepts a third of the events.
                var server = servers[i % servers.Count];
                var body = $$$"""{"userId":"p{{{i}}}","event":"signup","messageId":"scale-{{{i}}}","properties":{}}""";
                using var response = await http.PostAsync(new Uri(server.Url, "/v1/track"), new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }

            // The first sends happen at once; kill one process while the 4-second waits are pending.
            servers[0].Kill();

            await using var store = await backend.OpenAsync();
            var workspace = new WorkspaceId("default");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            var total = 0;
            while (DateTime.UtcNow < deadline)
            {
                total = 0;
                for (var i = 0; i < People; i++)
                {
                    total += (await store.Outbox.ListForPersonAsync(workspace, $"p{i}")).Count;
                }

                if (total >= People * 2)
                {
                    break;
                }

                await Task.Delay(250);
            }

            Assert.True(total == People * 2, $"expected {People * 2} sends, found {total}\n{servers[1].Output}");
            for (var i = 0; i < People; i++)
            {
                var steps = (await store.Outbox.ListForPersonAsync(workspace, $"p{i}")).Select(s => s.Key.StepId).Order().ToArray();
                Assert.Equal(new[] { "first", "second" }, steps);
            }
        }
        finally
        {
            foreach (var s in servers)
            {
                await s.DisposeAsync();
            }
        }
    }
}
