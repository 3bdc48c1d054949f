using NodaTime;

namespace Trellis.Server.Delivery.Guardrails;

/// <summary>
/// Counts occurrences over the last <c>window</c> in a fixed ring of buckets: constant memory however many
/// sends a journey makes, at the price of the window's edge moving in bucket steps.
/// </summary>
public sealed class SlidingWindowCounter
{
    private const int Buckets = 96;

    private readonly long _bucketTicks;
    private readonly long[] _counts = new long[Buckets];
    private readonly long[] _bucketIds = new long[Buckets];
    private readonly Lock _lock = new();

    public SlidingWindowCounter(TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "the window must be positive");
        }

        _bucketTicks = Math.Max(1, window.Ticks / Buckets);
        Array.Fill(_bucketIds, long.MinValue);
    }

    public void Add(Instant at, long count = 1)
    {
        var id = BucketOf(at);
        var slot = (int)(((id % Buckets) + Buckets) % Buckets);
        lock (_lock)
        {
            if (_bucketIds[slot] != id)
            {
                _bucketIds[slot] = id;
                _counts[slot] = 0;
            }

            _counts[slot] += count;
        }
    }

    /// <summary>The count in the window that ends at <paramref name="now"/>.</summary>
    public long Total(Instant now)
    {
        var current = BucketOf(now);
        long total = 0;
        lock (_lock)
        {
            for (var i = 0; i < Buckets; i++)
            {
                if (_bucketIds[i] > current - Buckets && _bucketIds[i] <= current)
                {
                    total += _counts[i];
                }
            }
        }

        return total;
    }

    private long BucketOf(Instant at) => at.ToUnixTimeTicks() / _bucketTicks;
}
