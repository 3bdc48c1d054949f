using System.Diagnostics;
using Trellis.Server.Processing;

namespace Trellis.Bench.Server;

/// <summary>
/// Durable ingest into the real server: N clients post /v1/batch for a fixed time, every event goes through the
/// engine to one outbox row. Phase "saturate": closed loop, accepted events/s (HTTP 200, i.e. committed) and
/// engine-processed events/s in the same window (EngineWorkerStats), then the time to drain the backlog.
/// Phase "rate": open loop at --rate, latency from accept to outbox row. A fresh database per run; the first
/// <c>--warmup</c> seconds of every run is left out (JIT, connection pools, SQLite cache).
/// </summary>
internal static class IngestBenchmark
{
    public static int Run(ServerBenchOptions options)
    {
        Console.WriteLine($"ingest: {options.Clients} clients × {options.Batch} events/batch, {options.Seconds}s windows after {options.WarmupSeconds}s of warm-up, {options.Runs} runs; {options.Mix}; " +
                          $"{Environment.ProcessorCount} cores; load {LoadAverage.Read()}");
        foreach (var backend in options.Backends)
        {
            if (options.Phase is "both" or "saturate")
            {
                var runs = Enumerable.Range(1, options.Runs).Select(i => Report(backend, "saturate", i, RunOnce(backend, options, 0).GetAwaiter().GetResult())).ToList();
                Console.WriteLine($"{backend} saturate median: accepted {Median.Of(runs.Select(r => r.AcceptedPerSecond)):N0}/s, " +
                                  $"engine {Median.Of(runs.Select(r => r.EnginePerSecond)):N0}/s, drain {Median.Of(runs.Select(r => r.DrainSeconds)):F1}s, " +
                                  $"engine {Median.Of(runs.Select(r => r.EnginePerSecond / (r.ProcessCores + r.PostgresCores))):N0} events/CPU-s");
            }

            if (options.Rate > 0 && options.Phase is "both" or "rate")
            {
                var runs = Enumerable.Range(1, options.Runs).Select(i => Report(backend, $"rate {options.Rate}", i, RunOnce(backend, options, options.Rate).GetAwaiter().GetResult())).ToList();
                Console.WriteLine($"{backend} rate {options.Rate}/s median: accepted {Median.Of(runs.Select(r => r.AcceptedPerSecond)):N0}/s, " +
                                  $"engine {Median.Of(runs.Select(r => r.EnginePerSecond)):N0}/s, accept→outbox seen p50 {Median.Of(runs.Select(r => r.SeenP50)):F1} ms " +
                                  $"p99 {Median.Of(runs.Select(r => r.SeenP99)):F1} ms (CreatedAt p99 {Median.Of(runs.Select(r => r.CreatedP99)):F1} ms), " +
                                  $"arrival→commit (server) p99 {Median.Of(runs.Select(r => r.CommitP99 ?? double.NaN)):F0} ms, " +
                                  $"request p99 {Median.Of(runs.Select(r => r.RequestP99)):F1} ms");
            }
        }

        return 0;
    }

    private static IngestRun Report(string backend, string phase, int run, IngestRun r)
    {
        Console.WriteLine($"{backend} {phase} run {run}: accepted {r.AcceptedPerSecond:N0}/s, engine {r.EnginePerSecond:N0}/s, backlog at end {r.Backlog:N0}, " +
                          $"drain {r.DrainSeconds:F1}s; CPU cores used: bench {r.ProcessCores:F2} + postgres {r.PostgresCores:F2} ⇒ engine {r.EnginePerSecond / (r.ProcessCores + r.PostgresCores):N0} events/CPU-s; request p99 {r.RequestP99:F1} ms; accept→outbox seen p50 {r.SeenP50:F1} p99 {r.SeenP99:F1} ms, " +
                          $"CreatedAt p50 {r.CreatedP50:F1} p99 {r.CreatedP99:F1} ms ({r.LatencySamples:N0} events); " +
                          $"arrival→commit (server) p50 {r.CommitP50:F0} p99 {r.CommitP99:F0} ms; load {LoadAverage.Read()}");
        return r;
    }

    private static async Task<IngestRun> RunOnce(string backend, ServerBenchOptions options, int rate)
    {
        // Room for the most a run can accept; past it the clients stop (seen as a lower accepted rate, not a crash).
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var capacity = (int)Math.Min(int.MaxValue / 2, (long)Math.Max(rate, 150_000) * (options.Seconds + options.WarmupSeconds + 2));
        var times = new EventTimes(capacity);
        await using var server = await BenchServer.BuildAsync(backend, options);
        await server.StartAsync();
        await using var reader = await OutboxReaders.OpenAsync(server);
        var watcher = new OutboxWatcher(reader, times);
        using var stopWatcher = new CancellationTokenSource();
        var watching = Task.Run(() => watcher.RunAsync(stopWatcher.Token));

        var load = new LoadGenerator(server.Url, times, options.Clients, options.Batch, rate, options.Mix);
        var loading = load.RunAsync(warmup + TimeSpan.FromSeconds(options.Seconds));
        await Task.Delay(warmup);
        var (accepted0, engine0, from) = (load.Accepted, server.Stats.Events, WallClock.NowMicros());
        var delays0 = server.Stats.EventDelay.CountsNow();
        var (cpu0, pgCpu0) = (CpuMeter.ProcessSeconds(), CpuMeter.PostgresSeconds());
        var window = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        var (accepted1, engine1, seconds) = (load.Accepted, server.Stats.Events, window.Elapsed.TotalSeconds);
        var delays = server.Stats.EventDelay.CountsNow().Zip(delays0, (now, then) => now - then).ToArray();
        var (cpu1, pgCpu1) = (CpuMeter.ProcessSeconds(), CpuMeter.PostgresSeconds());
        await loading;

        var total = load.Accepted;
        var backlog = total - server.Stats.Events;
        stopWatcher.Cancel();
        await watching;
        var drain = await watcher.DrainAsync(load.AcceptedEntries, TimeSpan.FromSeconds(30));

        // Latency of events accepted inside the measured window (all of them, not a sample).
        var seen = new List<double>();
        var created = new List<double>();
        for (var n = 0; n < times.Capacity; n++)
        {
            if (times.Accepted[n] >= from && times.Seen[n] > 0)
            {
                seen.Add((times.Seen[n] - times.Accepted[n]) / 1000.0);
                created.Add((times.Created[n] - times.Accepted[n]) / 1000.0);
            }
        }

        var s = new Percentiles(seen);
        var c = new Percentiles(created);
        var requests = new Percentiles(load.RequestMillis);
        if (load.BackedOff > 0)
        {
            Console.WriteLine($"  ({load.BackedOff:N0} requests answered 429 and sent again after Retry-After)");
        }

        if (load.Rejected > 0)
        {
            Console.WriteLine($"  ({load.Rejected:N0} events refused with a non-200 status)");
        }

        return new IngestRun((accepted1 - accepted0) / seconds, (engine1 - engine0) / seconds, drain.TotalSeconds, backlog,
            requests.At(99), s.At(50), s.At(99), c.At(50), c.At(99), s.Count, (cpu1 - cpu0) / seconds, (pgCpu1 - pgCpu0) / seconds,
            LatencyHistogram.QuantileOf(delays, 0.5) * 1000, LatencyHistogram.QuantileOf(delays, 0.99) * 1000);
    }
}
