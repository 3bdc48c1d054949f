namespace Trellis.Measurement.Reports;

/// <summary>
/// Quantiles of durations in bounded memory. Up to <see cref="ExactLimit"/> values are kept as they are and
/// quantiles are exact; past that, values go into logarithmic buckets (γ = (1 + α)/(1 − α), α = 1%), as in
/// DDSketch: the reported quantile is within 1% (relative) of the true nearest-rank quantile. Durations under
/// one second share a zero bucket (reported as 0). Buckets cover 1 s to about 300 years; counts merge by
/// addition, so partial sketches combine in any order to the same result.
/// </summary>
public sealed class DurationSketch
{
    public const int ExactLimit = 64;
    public const double RelativeAccuracy = 0.01;
    private const int BucketCount = 1100;
    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private double[]? _exact = new double[8];
    private long[]? _buckets;
    private long _zeros;

    public long Count { get; private set; }

    /// <summary>Whether quantiles are exact (few values so far).</summary>
    public bool IsExact => _exact is not null;

    public void Add(double seconds)
    {
        Count++;
        if (_exact is { } exact)
        {
            var n = (int)Count - 1;
            if (n < ExactLimit)
            {
                if (n == exact.Length)
                {
                    Array.Resize(ref _exact, Math.Min(ExactLimit, exact.Length * 2));
                }

                _exact![n] = seconds;
                return;
            }

            SpillExact(n);
        }

        AddToBuckets(seconds, 1);
    }

    public void Merge(DurationSketch other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if (_exact is not null && other._exact is not null && Count + other.Count <= ExactLimit)
        {
            for (var i = 0; i < other.Count; i++)
            {
                Add(other._exact[i]);
            }

            return;
        }

        if (_exact is not null)
        {
            SpillExact((int)Count);
        }

        if (other._exact is not null)
        {
            for (var i = 0; i < other.Count; i++)
            {
                AddToBuckets(other._exact[i], 1);
            }
        }
        else
        {
            _zeros += other._zeros;
            for (var i = 0; i < BucketCount; i++)
            {
                _buckets![i] += other._buckets![i];
            }
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
        if (_exact is { } exact)
        {
            var sorted = exact.AsSpan(0, (int)Count).ToArray();
            Array.Sort(sorted);
            return sorted[rank - 1];
        }

        var seen = _zeros;
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

    private void SpillExact(int n)
    {
        var exact = _exact!;
        _exact = null;
        _buckets = new long[BucketCount];
        for (var i = 0; i < n; i++)
        {
            AddToBuckets(exact[i], 1);
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
