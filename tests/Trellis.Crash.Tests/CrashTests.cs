using System.Net.Http.Headers;
using System.Text;
using Trellis.Storage;

namespace Trellis.Crash.Tests;

/// <summary>
/// kill -9 the server at seeded random points while events and timers flow; restart; the client resends what
/// was not acknowledged (as Segment clients do). Afterwards: no acknowledged event is lost, no logical send is
/// duplicated, and every timer that fell due while the server was down has fired.
/// </summary>
public class CrashTests
{
    private const string WriteKey = "crash-write-key";
    private const string SecretKey = "crash-secret-key";
    private const int People = 40;

    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (var backend in new[] { "sqlite", "postgres" })
        {
            foreach (var seed in new[] { 1, 2, 3, 4 })
            {
                data.Add(backend, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Nothing_acknowledged_is_lost_nothing_is_sent_twice_overdue_timers_fire(string backendName, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("trellis-crash-").FullName;
        CrashBackend backend = backendName == "sqlite" ? new SqliteCrashBackend(folder) : new PostgresCrashBackend();
        var environment = new Dictionary<string, string>(backend.Environment)
        {
            ["Trellis__Keys__Write"] = WriteKey,
            ["Trellis__Keys__Secret"] = SecretKey,
            ["Trellis__Content__Path"] = CrashContent.Write(folder),
        };
        var random = new Random(seed);
        var port = ServerProcess.FreePort();
        var pending = Enumerable.Range(0, People).Select(i => (Id: $"p{i}", MessageId: $"m-{seed}-{i}")).ToList();
        var acknowledged = new List<(string Id, string MessageId)>();
        var kills = 0;

        var server = await ServerProcess.StartAsync(environment, port, folder);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
            var killAfterBatch = random.Next(1, 4);
            var batch = 0;
            while (pending.Count > 0)
            {
                var chunk = pending.Take(random.Next(3, 9)).ToList();
                // The kill races the request: it may land before, during or after the commit.
                var killer = ++batch == killAfterBatch
                    ? Task.Delay(random.Next(0, 40)).ContinueWith(_ => server.Kill(), TaskScheduler.Default)
                    : Task.CompletedTask;
                if (await TrySendAsync(http, server.Url, chunk))
                {
                    acknowledged.AddRange(chunk);
                    pending.RemoveAll(chunk.Contains);
                }

                await killer;
                if (batch == killAfterBatch)
                {
                    kills++;
                    await server.DisposeAsync();
                    server = await ServerProcess.StartAsync(environment, port, folder);
                    killAfterBatch = batch + random.Next(2, 5);
                }
            }

            // One more kill while the 4-second waits are running: they must fire after the restart.
            await Task.Delay(random.Next(500, 3500));
            server.Kill();
            kills++;
            await Task.Delay(random.Next(0, 3000));
            await server.DisposeAsync();
            server = await ServerProcess.StartAsync(environment, port, folder);

            await using var store = await backend.OpenAsync();
            var workspace = new Trellis.Storage.WorkspaceId("default");
            await WaitUntilAsync(async () => await SendsAsync(store, workspace) >= People * 2, TimeSpan.FromSeconds(60), server);

            Assert.True(kills >= 2);
            foreach (var (id, messageId) in acknowledged)
            {
                var events = await store.Events.ReadAsync(workspace, id, 0, 100);
                Assert.Equal(1, events.Count(e => e.MessageId == messageId));
            }

            foreach (var i in Enumerable.Range(0, People))
            {
                var sends = await store.Outbox.ListForPersonAsync(workspace, $"p{i}");
                var keys = sends.Select(s => (s.Key.JourneyInstance, s.Key.StepId)).ToList();
                Assert.True(keys.Count == keys.Distinct().Count(), $"p{i} has a logical send twice: {string.Join(", ", keys)}");
                Assert.Equal(new[] { "first", "second" }, sends.Select(s => s.Key.StepId).Order().ToArray());
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<bool> TrySendAsync(HttpClient http, Uri url, List<(string Id, string MessageId)> chunk)
    {
        var items = string.Join(",", chunk.Select(c =>
            $$$"""{"type":"track","userId":"{{{c.Id}}}","event":"signup","messageId":"{{{c.MessageId}}}","properties":{}}"""));
        try
        {
            using var response = await http.PostAsync(new Uri(url, "/v1/batch"),
                new StringContent($$"""{"batch":[{{items}}]}""", Encoding.UTF8, "application/json"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // the server died: not acknowledged, the client sends it again
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<int> SendsAsync(ITrellisStore store, Trellis.Storage.WorkspaceId workspace)
    {
        var total = 0;
        for (var i = 0; i < People; i++)
        {
            total += (await store.Outbox.ListForPersonAsync(workspace, $"p{i}")).Count;
        }

        return total;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, ServerProcess server)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the expected sends did not all appear:\n" + server.Output);
    }
}
