namespace Trellis.Bench.Server;

/// <summary>Collections per generation, GC pause time and bytes allocated: read at two moments and subtracted.</summary>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcCounts Now() => new(
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes());

    public static GcCounts operator -(GcCounts a, GcCounts b) =>
        new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused, a.Allocated - b.Allocated);

    public override string ToString() =>
        $"gen0/1/2 {Gen0}/{Gen1}/{Gen2}, paused {Paused.TotalSeconds:F1}s, {Allocated / 1e9:F1} GB allocated";
}
