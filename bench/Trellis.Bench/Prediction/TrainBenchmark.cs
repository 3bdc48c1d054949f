using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using Trellis.Measurement.Prediction;
using Trellis.Server.Prediction;
using Trellis.Storage;
using Trellis.Storage.Sqlite;

namespace Trellis.Bench.Prediction;

/// <summary>
/// <c>trellis train</c> without the CLI: seeds a temporary SQLite store (once) with a synthetic product of N people
/// over D days (logins; churn likelier without recent logins; two noise traits), then per run reads the whole
/// history from the store (<see cref="StoreHistoryReader"/>) and fits the churn model (<see cref="ModelTrainer"/>),
/// timing both phases in wall and CPU seconds. Prints per run and medians, with the held-out AUC as a sanity check.
/// </summary>
internal static class TrainBenchmark
{
    public static int Run(BenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("trellis-train-bench-").FullName;
        try
        {
            var path = Path.Combine(folder, "trellis.db");
            var seed = Stopwatch.StartNew();
            var events = SeedAsync(path, options.People, options.Days).GetAwaiter().GetResult();
            Console.WriteLine($"train: {options.People:N0} people × {options.Days} days, {events:N0} events seeded in {seed.Elapsed.TotalSeconds:F1}s; {options.Runs} runs");
            var reads = new List<double>();
            var readCpus = new List<double>();
            var fits = new List<double>();
            var fitCpus = new List<double>();
            for (var run = 1; run <= options.Runs; run++)
            {
                GC.Collect();
                var process = Process.GetCurrentProcess();
                var cpu0 = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var histories = ReadAsync(path).GetAwaiter().GetResult();

                var read = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var cpu1 = process.TotalProcessorTime;
                clock.Restart();
                var trained = ModelTrainer.Train(histories, new TrainingOptions
                {
                    Event = "churned",
                    Model = "churn",
                    TrainedAt = Instant.FromUtc(2026, 11, 23, 0, 0),
                });
                var fit = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var cpu2 = process.TotalProcessorTime;
                reads.Add(read);
                readCpus.Add((cpu1 - cpu0).TotalSeconds);
                fits.Add(fit);
                fitCpus.Add((cpu2 - cpu1).TotalSeconds);
                var h = trained.File.Holdout;
                Console.WriteLine($"run {run}: read {read:F2}s wall / {(cpu1 - cpu0).TotalSeconds:F2}s CPU, fit {fit:F2}s wall / {(cpu2 - cpu1).TotalSeconds:F2}s CPU; " +
                                  $"{trained.File.Training.Examples:N0} training examples, {trained.File.Model.Features.Count} features, {trained.File.Iterations} IRLS steps; " +
                                  $"held-out AUC {h.Auc:F3} ({h.Examples:N0} examples, base rate {h.BaseRate:P1}); load average {Server.LoadAverage.Read()}");
            }

            Console.WriteLine($"median: read {Median.Of(reads):F2}s wall / {Median.Of(readCpus):F2}s CPU ({events / Median.Of(readCpus):N0} events per CPU-second), " +
                              $"fit {Median.Of(fits):F2}s wall / {Median.Of(fitCpus):F2}s CPU");
            return 0;
        }
        finally
        {
            SqliteConnectionPoolReset();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<PersonHistory>> ReadAsync(string path)
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = path });
        return await StoreHistoryReader.ReadAsync(store, new WorkspaceId("default"));
    }

    private static async Task<long> SeedAsync(string path, int people, int days)
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = path });
        var workspace = new WorkspaceId("default");
        var start = Instant.FromUtc(2026, 1, 5, 0, 0);
        await store.Workspaces.CreateAsync(new WorkspaceRecord(workspace, "Default", Sha256Hex.Of("w"), Sha256Hex.Of("s"), start, start));
        var random = new Random(42);
        var batch = new List<IncomingEvent>(1000);
        long count = 0;
        async Task Add(string person, Instant at, string? eventName, object? traits)
        {
            var id = $"m{count++}";
            batch.Add(new IncomingEvent
            {
                MessageId = id,
                Kind = eventName is null ? EventKind.Identify : EventKind.Track,
                UserId = person,
                EventName = eventName,
                Timestamp = at,
                ReceivedAt = at,
                PayloadJson = eventName is null
                    ? JsonSerializer.Serialize(new { type = "identify", userId = person, traits })
                    : JsonSerializer.Serialize(new { type = "track", userId = person, @event = eventName }),
            });
            if (batch.Count == 1000)
            {
                await store.Events.AppendAsync(workspace, batch);
                batch.Clear();
            }
        }

        for (var p = 0; p < people; p++)
        {
            var id = $"u{p:D7}";
            var joined = random.Next(0, 20);
            var engaged = random.NextDouble() < 0.6;
            await Add(id, start + Duration.FromDays(joined), null, new { seats = random.Next(1, 11), beta = random.NextDouble() < 0.5 });
            var recent = new Queue<int>();
            for (var day = joined; day < days; day++)
            {
                while (recent.Count > 0 && recent.Peek() <= day - 14)
                {
                    recent.Dequeue();
                }

                if (random.NextDouble() < (engaged ? 0.55 : 0.1))
                {
                    recent.Enqueue(day);
                    await Add(id, start + Duration.FromDays(day) + Duration.FromMinutes(random.Next(60, 1320)), "login", null);
                }

                var hazard = recent.Count == 0 ? 0.05 : recent.Count < 4 ? 0.01 : 0.0005;
                if (random.NextDouble() < hazard)
                {
                    await Add(id, start + Duration.FromDays(day) + Duration.FromHours(23), "churned", null);
                    break;
                }
            }
        }

        if (batch.Count > 0)
        {
            await store.Events.AppendAsync(workspace, batch);
        }

        return count;
    }

    private static void SqliteConnectionPoolReset() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
