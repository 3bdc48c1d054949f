using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Trellis.Core.Engine;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Runtime.Persistence;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Bench.Server;

/// <summary>
/// Timer lag: --people persons already inside the bench-timer journey's wait, due spread evenly over one minute
/// (600 due instants, 100 ms apart), seeded straight into a fresh database before the server starts. The real
/// server then fires them; each firing sends, so the outbox row of person n marks when n's wait fired.
/// Lag of n = when its row appeared − its due time. "Last" = last row seen − end of the minute.
/// </summary>
internal static class TimerBenchmark
{
    private const int Slots = 600;

    public static int Run(ServerBenchOptions options)
    {
        Console.WriteLine($"timers: {options.People:N0} waits due in one minute, {options.Runs} runs; {Environment.ProcessorCount} cores; load {LoadAverage.Read()}");
        foreach (var backend in options.Backends)
        {
            var runs = new List<TimerRun>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var r = RunOnce(backend, options).GetAwaiter().GetResult();
                runs.Add(r);
                Console.WriteLine($"{backend} run {run}: seeded in {r.SeedSeconds:F1}s; fired {r.Fired:N0} at {r.FiredPerSecond:N0}/s; lag p50 {r.LagP50:F1}s " +
                                  $"p99 {r.LagP99:F1}s max {r.LagMax:F1}s; last fired {r.LastAfterMinute:F1}s after the minute; " +
                                  $"{r.CpuMicrosPerFiring:F0} µs CPU per firing ({1e6 / r.CpuMicrosPerFiring:N0} firings/CPU-s); GC {r.Gc}; " +
                                  $"due→commit (server) p99 {r.ServerLagP99:F3}s max {r.ServerLagMax:F3}s; load {LoadAverage.Read()}");
            }

            Console.WriteLine($"{backend} median: lag p50 {Median.Of(runs.Select(r => r.LagP50)):F1}s p99 {Median.Of(runs.Select(r => r.LagP99)):F1}s " +
                              $"max {Median.Of(runs.Select(r => r.LagMax)):F1}s; last {Median.Of(runs.Select(r => r.LastAfterMinute)):F1}s after the minute; " +
                              $"{Median.Of(runs.Select(r => r.FiredPerSecond)):N0} fired/s; {Median.Of(runs.Select(r => r.CpuMicrosPerFiring)):F0} µs CPU per firing");
        }

        return 0;
    }

    private static async Task<TimerRun> RunOnce(string backend, ServerBenchOptions options)
    {
        await using var server = await BenchServer.BuildAsync(backend, options);
        var runtime = await server.App.Services.GetRequiredService<WorkspaceContentRegistry>().GetAsync(new WorkspaceId("default"));

        // Long enough to seed before the minute begins (measured: tens of thousands of rows per second).
        var lead = TimeSpan.FromSeconds(15 + options.People / 25_000.0);
        var minute = WallClock.NowMicros() + (long)lead.TotalMicroseconds;
        var states = Enumerable.Range(0, Slots).Select(k => StateDueAt(runtime, minute + k * 100_000L)).ToArray();
        long Due(int n) => minute + (n % Slots) * 100_000L;

        var seeding = Stopwatch.StartNew();
        IPersonSeeder seeder = server.Postgres is { } pg ? new PostgresPersonSeeder(pg.ConnectionString, pg.Schema) : new SqlitePersonSeeder(server.SqlitePath);
        await seeder.SeedAsync(options.People, n => states[n % Slots], Due, WallClock.NowMicros());
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        var spare = (minute - WallClock.NowMicros()) / 1e6;
        Console.WriteLine($"  seeded {options.People:N0} in {seedSeconds:F1}s; the minute starts in {spare:F1}s");

        // CPU and collections from the server's start to the last firing seen: what firing costs, whatever the load.
        var cpuAtStart = CpuMeter.ProcessSeconds() + CpuMeter.PostgresSeconds();
        var gcAtStart = GcCounts.Now();
        await server.StartAsync();
        var times = new EventTimes(options.People);
        await using var reader = await OutboxReaders.OpenAsync(server);
        var watcher = new OutboxWatcher(reader, times);
        // Wait for the minute plus a generous drain; stop early when every wait has fired.
        while (WallClock.NowMicros() < minute + 60_000_000L)
        {
            await watcher.PollAsync();
            await Task.Delay(50);
        }

        // Bounded: on a slow machine a million firings can take far longer than the run should.
        while (watcher.Rows < options.People && WallClock.NowMicros() < minute + (60L + options.DrainSeconds) * 1_000_000L)
        {
            if (await watcher.PollAsync() == 0)
            {
                await Task.Delay(50);
            }
        }

        var cpu = CpuMeter.ProcessSeconds() + CpuMeter.PostgresSeconds() - cpuAtStart;
        var lastFiringSeen = WallClock.NowMicros();
        // The dispatcher shares the CPU: if it lags behind the firings, part of each firing's cost (delivery) is
        // not in the CPU figure yet, so say how far it got.
        var delivery = server.App.Services.GetRequiredService<Trellis.Server.Delivery.DeliveryStats>();
        var deliveredByLastFiring = delivery.Sent;
        Console.WriteLine($"  by the last firing: {deliveredByLastFiring:N0} delivered in {delivery.Claims:N0} outbox claims " +
                          $"({deliveredByLastFiring / Math.Max(1e-3, (lastFiringSeen - minute) / 1e6):N0}/s since the minute began)");
        var gc = GcCounts.Now() - gcAtStart;
        var serverLag = server.Stats.TimerLag;

        // Then until everything fired is delivered (bounded by --drain again), so that a build whose dispatcher
        // keeps up is not charged for delivery a slower one leaves for later: CPU per firing *and* its delivery.
        var fired = watcher.Rows;
        var deliveryDeadline = WallClock.NowMicros() + options.DrainSeconds * 1_000_000L;
        while (delivery.Sent < fired && WallClock.NowMicros() < deliveryDeadline)
        {
            await Task.Delay(20);
        }

        var deliveredAt = WallClock.NowMicros();
        var cpuWithDelivery = CpuMeter.ProcessSeconds() + CpuMeter.PostgresSeconds() - cpuAtStart;
        Console.WriteLine($"  all {fired:N0} fired delivered {(delivery.Sent >= fired ? "" : "NOT (only " + delivery.Sent.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + ") ")}" +
                          $"{(deliveredAt - (minute + 60_000_000L)) / 1e6:F1}s after the minute ({delivery.Sent / Math.Max(1e-3, (deliveredAt - minute) / 1e6):N0} delivered/s since the minute began); " +
                          $"{cpuWithDelivery * 1e6 / Math.Max(1, fired):F0} µs CPU per firing with its delivery");
        var lags = new List<double>(options.People);
        long first = long.MaxValue, last = 0;
        for (var n = 0; n < options.People; n++)
        {
            if (times.Seen[n] > 0)
            {
                lags.Add((times.Seen[n] - Due(n)) / 1e6);
                first = Math.Min(first, times.Created[n]);
                last = Math.Max(last, times.Seen[n]);
            }
        }

        var p = new Percentiles(lags);
        var firedPerSecond = lags.Count / Math.Max(1e-3, (last - Math.Max(first, minute)) / 1e6);
        var lastAfter = (last - (minute + 60_000_000L)) / 1e6;
        if (lags.Count < options.People)
        {
            // Not all fired within --drain: project the last firing at the rate seen so far (and say so).
            lastAfter += (options.People - lags.Count) / firedPerSecond;
            Console.WriteLine($"  only {lags.Count:N0} of {options.People:N0} fired within {options.DrainSeconds}s after the minute; lag figures are of those, 'last' is projected");
        }

        return new TimerRun(seedSeconds, lastAfter, p.At(50), p.At(99), p.Max, firedPerSecond, lags.Count, cpu * 1e6 / Math.Max(1, lags.Count), gc,
            serverLag.Quantile(0.99), serverLag.Quantile(1));
    }

    /// <summary>The encoded state of a person who entered bench-timer one wait before <paramref name="dueMicros"/>.</summary>
    private static byte[] StateDueAt(WorkspaceRuntime runtime, long dueMicros)
    {
        var due = Instant.FromUnixTimeTicks(dueMicros * 10);
        var person = new PersonState("template");
        var effects = new List<Effect>();
        runtime.Engine.Handle(person, new TrackInput(BenchContent.TimerEvent, EventRecord.EmptyProperties), due - Duration.FromTimeSpan(BenchContent.TimerWait), effects);
        if (JourneyEngine.NextWake(person) != due)
        {
            throw new InvalidOperationException($"the seeded state wakes at {JourneyEngine.NextWake(person)}, not {due}: did {BenchContent.TimerJourney} change?");
        }

        return PersonStateCodec.Encode(person, runtime.Compiled);
    }
}
