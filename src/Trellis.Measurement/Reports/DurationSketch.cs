namespace Trellis.Measurement.Reports;

/// <summary>
/// Quantiles of durations in bounded memory. While there are at most <see cref="ExactLimit"/> distinct values they
/// are counted exactly (most steps wait a fixed time, so this is the common case) and quantiles are exact. Past
/// that, values go into logarithmic buckets (γ = (1 + α)/(1 − α), α = 1%), as in DDSketch: the reported quantile is
/// within 1% (relative) of the true nearest-rank quantile; durations under one second share a zero bucket
/// (reported as 0). Buckets cover 1 s to about 300 years. Counts merge by addition, so partial sketches combine
/// in any order to the same result.
/// </summary>
public sealed class DurationSketch
{
    public const int ExactLimit = 64;
    public const double RelativeAccuracy = 0.01;
    private const int BucketCount = 1100;
    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private Dictionary<double, long>? _distinct = [];
    private long[]? _buckets;
    private long _zeros;

    public long Count { get; private set; }

    /// <summary>Whether quantiles are exact (few distinct values so far).</summary>
    public bool IsExact => _distinct is not null;

    public void Add(double seconds) => Add(seconds, 1);

    public void Merge(DurationSketch other)
    {
        if (other._distinct is { } distinct)
        {
            foreach (var (value, count) in distinct)
            {
                Add(value, count);
            }

            return;
        }

        Spill();
        _zeros += other._zeros;
        for (var i = 0; i < BucketCount; i++)
        {
            _buckets![i] += other._buckets![i];
        }

        Count += other.Count;
    }

    /// <summary>The nearest-rank q-quantile (the value at rank ⌈q·n⌉), in seconds; null when empty.</summary>
    public double? Quantile(double q)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        if (_distinct is { } distinct)
        {
            foreach (var value in distinct.Keys.Order())
            {
                seen += distinct[value];
                if (seen >= rank)
                {
                    return value;
                }
            }

            return null;
        }

        seen = _zeros;
        if (seen >= rank)
        {
            return 0;
        }

        for (var i = 0; i < BucketCount; i++)
        {
            seen += _buckets![i];
            if (seen >= rank)
            {
                // The bucket holds (γ^(i−1), γ^i]; this point is within α of every value in it.
                return 2 * Math.Pow(Gamma, i) / (Gamma + 1);
            }
        }

        return null;
    }

    private void Add(double seconds, long count)
    {
        Count += count;
        if (_distinct is { } distinct)
        {
            if (distinct.Count < ExactLimit || distinct.ContainsKey(seconds))
            {
                distinct[seconds] = distinct.GetValueOrDefault(seconds) + count;
                return;
            }

            Spill();
        }

        AddToBuckets(seconds, count);
    }

    private void Spill()
    {
        if (_distinct is not { } distinct)
        {
            return;
        }

        _distinct = null;
        _buckets = new long[BucketCount];
        foreach (var (value, count) in distinct)
        {
            AddToBuckets(value, count);
        }
    }

    private void AddToBuckets(double seconds, long count)
    {
        if (seconds < 1)
        {
            _zeros += count;
            return;
        }

        var index = (int)Math.Ceiling(Math.Log(seconds) / LogGamma);
        _buckets![Math.Min(index, BucketCount - 1)] += count;
    }
}
