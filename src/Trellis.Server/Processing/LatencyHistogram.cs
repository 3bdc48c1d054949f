using NodaTime;

namespace Trellis.Server.Processing;

/// <summary>
/// A distribution of delays fine enough to read a p99 from: 1 ms buckets up to 1 s, 100 ms buckets up to 60 s,
/// one bucket beyond. Recorded without locks (one interlocked add per delay), so the engine can record every event
/// it commits; a reader sees each bucket's count at some moment of its read, which is all a scrape needs.
/// </summary>
public sealed class LatencyHistogram
{
    private const int FineBuckets = 1000;
    private const int CoarseBuckets = 590;
    private const int Overflow = FineBuckets + CoarseBuckets;
    private readonly long[] _counts = new long[Overflow + 1];
    private long _sumMicroseconds;

    /// <summary>Records one delay; a negative one (clocks of two processes) counts as zero.</summary>
    public void Record(Duration delay)
    {
        var milliseconds = Math.Max(0, delay.TotalMilliseconds);
        var bucket = milliseconds < 1000 ? (int)milliseconds
            : milliseconds < 60_000 ? FineBuckets + (int)((milliseconds - 1000) / 100)
            : Overflow;
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Add(ref _sumMicroseconds, (long)(milliseconds * 1000));
    }

    public long Count
    {
        get
        {
            long count = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                count += Interlocked.Read(ref _counts[i]);
            }

            return count;
        }
    }

    public double SumSeconds => Interlocked.Read(ref _sumMicroseconds) / 1e6;

    /// <summary>Delays recorded that were at most <paramref name="seconds"/> (exact at bucket edges: whole ms below 1 s, tenths above).</summary>
    public long CountAtMost(double seconds)
    {
        long count = 0;
        for (var i = 0; i < Overflow && UpperBound(i) <= seconds + 1e-9; i++)
        {
            count += Interlocked.Read(ref _counts[i]);
        }

        return count;
    }

    /// <summary>
    /// The delay at quantile <paramref name="q"/> (0–1], as the upper edge of its bucket (so at most 1 ms above the
    /// true value below 1 s); <see cref="double.PositiveInfinity"/> when it lies beyond 60 s, null with no delays.
    /// </summary>
    public double? Quantile(double q) => QuantileOf(CountsNow(), q);

    /// <summary>Each bucket's count now; the difference of two such copies is the distribution between them.</summary>
    public long[] CountsNow()
    {
        var counts = new long[_counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Interlocked.Read(ref _counts[i]);
        }

        return counts;
    }

    /// <summary>The quantile of bucket counts taken from <see cref="CountsNow"/> (or a difference of two).</summary>
    public static double? QuantileOf(IReadOnlyList<long> counts, double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(counts.Count, Overflow + 1);
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return UpperBound(i);
            }
        }

        return double.PositiveInfinity;
    }

    private static double UpperBound(int bucket) =>
        bucket < FineBuckets ? (bucket + 1) / 1000.0
        : bucket < Overflow ? (1000 + (bucket - FineBuckets + 1) * 100) / 1000.0
        : double.PositiveInfinity;
}
