using System.Diagnostics;
using System.Runtime;
using Trellis.Content;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Running;

namespace Trellis.Bench;

/// <summary>
/// <c>trellis simulate</c> without the CLI: the example workspace (shared/examples beside the repository, else the
/// repository's examples/) over N people × D days with the default behaviour model, on every core. Reports wall
/// and CPU time, inputs per second, person-days per second, allocation per input and collections, per run and as
/// medians (the machine may be shared: compare medians, and CPU time over wall time). The GC mode matters a lot
/// (the CLI runs Server GC with DATAS off, see its project file); this project keeps workstation GC for the other
/// harnesses, so run it with <c>DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0</c> to measure what the CLI does.
/// </summary>
internal static class SimulationBenchmark
{
    public static int Run(BenchOptions options)
    {
        var folder = ContentFolder();
        var content = ContentLoader.Load(folder);
        if (!content.IsValid)
        {
            content.Diagnostics.ToList().ForEach(d => Console.Error.WriteLine(d));
            return 1;
        }

        var workspace = content.ToWorkspace();
        var model = BehaviorReader.Default();
        Console.WriteLine($"simulate: {folder} ({content.Journeys.Count} journeys), {options.People:N0} people × {options.Days} days, " +
                          $"{options.Runs} runs, {Environment.ProcessorCount} threads");
        Console.WriteLine($"GC: {GcMode()}{(GcMatchesCli() ? "" : " — not the CLI's mode (Server GC, DATAS off): set DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0")}");
        var walls = new List<double>();
        var cpus = new List<double>();
        var pauses = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var pauseBefore = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            var report = Simulator.Run(workspace, model, new SimulationOptions { People = options.People, Days = options.Days, Seed = (ulong)run }, null, out var inputs);
            clock.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            var wall = clock.Elapsed.TotalSeconds;
            var paused = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
            walls.Add(wall);
            cpus.Add(cpu);
            pauses.Add(paused);
            Console.WriteLine($"run {run}: {wall:F1}s wall, {cpu:F1}s CPU; {inputs:N0} inputs ({inputs / wall / 1e6:F2}M/s), " +
                              $"{(double)options.People * options.Days / wall / 1e6:F2}M person-days/s; {report.Journeys.Sum(j => j.Entrants):N0} entries, " +
                              $"{report.Journeys.Sum(j => j.Sends):N0} sends; {allocated / (double)Math.Max(1, inputs):F0} B allocated per input; " +
                              $"GCs {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}, " +
                              $"paused {paused:F1}s; load average {Server.LoadAverage.Read()}");
        }

        Console.WriteLine($"median: {Median.Of(walls):F1}s wall, {Median.Of(cpus):F1}s CPU, GC paused {Median.Of(pauses):F1}s; " +
                          $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:F2} GB");
        return 0;
    }

    private static string GcMode() =>
        $"{(GCSettings.IsServerGC ? $"server (DATAS {(DatasOn() ? "on" : "off")})" : "workstation")}, " +
        $"{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}";

    private static bool GcMatchesCli() => GCSettings.IsServerGC && !DatasOn();

    /// <summary>Dynamic adaptation (DATAS) as the GC itself reports it (it is on by default with Server GC).</summary>
    private static bool DatasOn() =>
        GC.GetConfigurationVariables().TryGetValue("GCDynamicAdaptationMode", out var mode) && Convert.ToInt64(mode, System.Globalization.CultureInfo.InvariantCulture) == 1;

    /// <summary>shared/examples next to the repository (the acceptance fixtures), else the repository's own examples/.</summary>
    private static string ContentFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var shared = Path.Combine(dir.FullName, "shared", "examples");
                if (Directory.Exists(Path.Combine(shared, "journeys")))
                {
                    return shared;
                }

                if (File.Exists(Path.Combine(dir.FullName, "Trellis.slnx")))
                {
                    var besideRepo = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "examples");
                    return Directory.Exists(besideRepo) ? besideRepo : Path.Combine(dir.FullName, "examples");
                }
            }
        }

        throw new DirectoryNotFoundException("no examples folder found (shared/examples beside the repository, or examples/)");
    }
}
