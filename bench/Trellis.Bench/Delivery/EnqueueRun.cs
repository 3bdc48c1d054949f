using System.Diagnostics;
using Trellis.Server.Processing;

namespace Trellis.Bench.Delivery;

/// <summary>
/// One render + enqueue pass over a fresh store: emails per wall-clock second and per CPU-second of this process,
/// and how long the GC paused the process meanwhile (the batch's payloads live until its commit, so they are
/// promoted, and the GC's share is a visible part of the cost).
/// </summary>
internal sealed record EnqueueRun(double PerSecond, double PerCpuSecond, TimeSpan GcPause, int Gen0, int Gen1, int Gen2)
{
    public static async Task<EnqueueRun> MeasureAsync(int people, SendComposer? composer, WorkspaceRuntime runtime, EnqueueMode mode)
    {
        await using var bench = await DeliveryBenchStore.CreateAsync(people);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var queued = await bench.ComposeAndEnqueueAllAsync(composer, runtime, mode);
        var wall = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new EnqueueRun(queued / wall.TotalSeconds, queued / cpu.TotalSeconds, GC.GetTotalPauseDuration() - pauseBefore,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
    }

    public override string ToString() =>
        $"{PerSecond:N0} emails/s ({PerCpuSecond:N0} per CPU-second, GC pauses {GcPause.TotalMilliseconds:N0} ms in {Gen0}/{Gen1}/{Gen2} gen0/1/2 collections)";
}
