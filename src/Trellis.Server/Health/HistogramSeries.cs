namespace Trellis.Server.Health;

/// <summary>The buckets and sum of one label set of a <see cref="HistogramMetric"/>; guarded by locking the instance.</summary>
internal sealed class HistogramSeries(int bounds)
{
    /// <summary>Per bucket (not cumulative); the last one counts values above every bound.</summary>
    public long[] Counts { get; } = new long[bounds + 1];

    public double Sum { get; set; }
}
