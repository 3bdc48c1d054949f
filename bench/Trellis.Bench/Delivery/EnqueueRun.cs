using System.Diagnostics;
using Trellis.Bench.Server;
using Trellis.Server.Processing;

namespace Trellis.Bench.Delivery;

/// <summary>
/// One render + enqueue pass over a fresh store: emails per wall-clock second and per CPU-second of this process,
/// and how long the GC paused the process meanwhile (the batch's payloads live until its commit, so they are
/// promoted, and the GC's share is a visible part of the cost).
/// </summary>
internal sealed record EnqueueRun(double PerSecond, double PerCpuSecond, GcCounts Gc)
{
    public static async Task<EnqueueRun> MeasureAsync(int people, SendComposer? composer, WorkspaceRuntime runtime, EnqueueMode mode)
    {
        await using var bench = await DeliveryBenchStore.CreateAsync(people);
        var cpuBefore = DeliveryBenchStore.TrellisCpuSeconds();
        var gcBefore = GcCounts.Now();
        var clock = Stopwatch.StartNew();
        var queued = await bench.ComposeAndEnqueueAllAsync(composer, runtime, mode);
        var wall = clock.Elapsed;
        var cpu = DeliveryBenchStore.TrellisCpuSeconds() - cpuBefore;
        return new EnqueueRun(queued / wall.TotalSeconds, queued / cpu, GcCounts.Now() - gcBefore);
    }

    public override string ToString() =>
        $"{PerSecond:N0} emails/s ({PerCpuSecond:N0} per CPU-second, GC pauses {Gc.Paused.TotalMilliseconds:N0} ms in {Gc.Gen0}/{Gc.Gen1}/{Gc.Gen2} gen0/1/2 collections)";
}
