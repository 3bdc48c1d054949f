using System.Diagnostics;
using NodaTime;
using Trellis.Content;
using Trellis.Core.Engine;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Core.Values;
using Trellis.Runtime.Running;

namespace Trellis.Bench;

/// <summary>
/// The in-memory engine on the canonical drip: N people sign up spread over the first day and run D days through
/// a five-send journey with waits, caps and quiet hours, on the virtual clock, single-threaded. Reports
/// person-days per second (median of runs) and the bytes of state the engine adds per person in the journey.
/// </summary>
internal static class DripBenchmark
{
    private static readonly string[] Zones =
        ["UTC", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata", "Europe/London"];

    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 0, 0);

    public static int Run(BenchOptions options)
    {
        var content = ContentLoader.Load(Path.Combine(AppContext.BaseDirectory, "content"));
        if (!content.IsValid)
        {
            content.Diagnostics.ToList().ForEach(d => Console.Error.WriteLine(d));
            return 1;
        }

        var workspace = new CompiledWorkspace(content.ToWorkspace());
        var fields = PersonStateFieldBytes();
        Console.WriteLine($"PersonState: {fields.Object} B an object, of which {fields.Engine} B are the engine's fields (instances, send log, history, " +
                          "re-entry memory, extras, instance counter), allocated with every person and not in the per-run figure below");
        Console.WriteLine($"drip: {options.People:N0} people × {options.Days} days, {options.Runs} runs, one thread");
        var rates = new List<double>();
        var cpuRates = new List<double>();
        var bytes = new List<double>();
        // One smaller run first, not counted: the JIT compiles the hot paths in tiers (with profile-guided
        // optimisation) during the first seconds, and a steady-state engine is what the figure is about.
        var warmup = RunOnce(workspace, options with { People = Math.Min(options.People, 100_000), Runs = 1 });
        Console.WriteLine($"warm-up ({Math.Min(options.People, 100_000):N0} people, not counted): {warmup.CpuRate / 1e6:F2}M per CPU-second");
        for (var run = 1; run <= options.Runs; run++)
        {
            var (rate, cpuRate, perPerson, profileBytes, counts) = RunOnce(workspace, options);
            rates.Add(rate);
            cpuRates.Add(cpuRate);
            bytes.Add(perPerson);
            Console.WriteLine($"run {run}: {rate / 1e6:F2}M person-days/s wall, {cpuRate / 1e6:F2}M per CPU-second; " +
                              $"engine state {perPerson:F0} B/person in the journey (profiles {profileBytes:F0} B/person, not counted); {counts}");
        }

        Console.WriteLine($"median: {Median.Of(rates) / 1e6:F2}M person-days/s wall, {Median.Of(cpuRates) / 1e6:F2}M per CPU-second, " +
                          $"{Median.Of(bytes):F0} B/person; load average {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static (double Rate, double CpuRate, double BytesPerPerson, double ProfileBytes, string Counts) RunOnce(CompiledWorkspace workspace, BenchOptions options)
    {
        var engine = new JourneyEngine(workspace);
        var runner = new PopulationRunner(engine, Start);
        var counts = new long[Enum.GetValues<EffectType>().Length];
        runner.OnEffect = e => counts[(int)e.Type]++;

        var before = Memory();
        var ids = new string[options.People];
        for (var i = 0; i < options.People; i++)
        {
            ids[i] = "person-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var person = runner.Person(ids[i]);
            person.Traits = new Dictionary<string, Value>(StringComparer.Ordinal)
            {
                ["email"] = Value.String(ids[i] + "@example.com"),
                ["timezone"] = Value.String(Zones[i % Zones.Length]),
            };
            if (i % 2 == 0)
            {
                person.Traits["push_token"] = Value.String("tok-" + i);
            }
        }

        var afterProfiles = Memory();
        var signup = new TrackInput("signed_up", EventRecord.EmptyProperties);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < options.People; i++)
        {
            // Signups spread over the first day, in time order.
            runner.Deliver(ids[i], signup, Start + Duration.FromTicks(NodaConstants.TicksPerDay / options.People * i));
        }

        var entered = clock.Elapsed;
        clock.Stop();
        var cpuEntry = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var pauseEntry = GC.GetTotalPauseDuration() - pauseBefore;
        var gcEntry = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
        var allocatedEntry = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var afterEntry = Memory();
        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        pauseBefore = GC.GetTotalPauseDuration();
        gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpuResume = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Start();
        runner.AdvanceTo(Start + Duration.FromDays(options.Days));
        clock.Stop();
        var cpu = cpuEntry + (Process.GetCurrentProcess().TotalProcessorTime - cpuResume);
        // Allocation and GC over both phases (the Memory() probe between them forces collections: not counted).
        var allocated = (allocatedEntry + GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)options.People;
        var pause = pauseEntry + (GC.GetTotalPauseDuration() - pauseBefore);
        var gcs = $"gen0/1/2 {gcEntry.Item1 + GC.CollectionCount(0) - gcBefore.Item1}/{gcEntry.Item2 + GC.CollectionCount(1) - gcBefore.Item2}/" +
                  $"{gcEntry.Item3 + GC.CollectionCount(2) - gcBefore.Item3}";

        var rate = (double)options.People * options.Days / clock.Elapsed.TotalSeconds;
        var cpuRate = (double)options.People * options.Days / cpu.TotalSeconds;
        var summary = string.Join(", ", Enum.GetValues<EffectType>().Select(t => $"{t.ToString().ToLowerInvariant()} {counts[(int)t]:N0}")) +
                      $"; entry phase {entered.TotalSeconds:F1}s of {clock.Elapsed.TotalSeconds:F1}s" +
                      $"; allocated {allocated:F0} B/person, GC pauses {pause.TotalSeconds:F1}s ({gcs})";
        // What stays once everyone has finished the journey (re-entry memory, the last sends still in a cap window).
        summary += $"; after the journey {(Memory() - afterProfiles) / (double)options.People:F0} B/person";
        GC.KeepAlive(runner);
        return (rate, cpuRate, (afterEntry - afterProfiles) / (double)options.People, (afterProfiles - before) / (double)options.People, summary);
    }

    /// <summary>The size of an empty PersonState, and the part beyond its header, id and traits: the engine's own fields.</summary>
    private static (long Object, long Engine) PersonStateFieldBytes()
    {
        const int n = 100_000;
        var keep = new PersonState[n];
        var before = Memory();
        for (var i = 0; i < n; i++)
        {
            keep[i] = new PersonState("p");
        }

        var size = (Memory() - before) / n;
        GC.KeepAlive(keep);
        return (size, size - 32); // object header 16 B, id and traits references 8 B each
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
