namespace Trellis.Channels.Resilience;

/// <summary>
/// A token bucket on an injected clock. Callers reserve a permit and are told how long to wait for
/// it; reserving ahead (the balance may go negative) queues callers fairly without a loop.
/// </summary>
public sealed class TokenBucket
{
    private readonly double permitsPerSecond;
    private readonly double capacity;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private double tokens;
    private long refilledAt;

    public TokenBucket(double permitsPerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        this.permitsPerSecond = permitsPerSecond;
        capacity = Math.Max(1, burst);
        this.time = time;
        tokens = capacity;
        refilledAt = time.GetTimestamp();
    }

    /// <summary>Takes a permit now or in <paramref name="wait"/>; false (nothing taken) when that is longer than <paramref name="maxWait"/>.</summary>
    public bool TryReserve(TimeSpan maxWait, out TimeSpan wait)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(capacity, tokens + (time.GetElapsedTime(refilledAt, now).TotalSeconds * permitsPerSecond));
            refilledAt = now;

            wait = tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - tokens) / permitsPerSecond);
            if (wait > maxWait)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
