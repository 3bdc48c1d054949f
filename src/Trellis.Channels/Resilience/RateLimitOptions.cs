namespace Trellis.Channels.Resilience;

/// <summary>A token bucket: <see cref="PermitsPerSecond"/> sustained, <see cref="Burst"/> at once.</summary>
public sealed class RateLimitOptions
{
    /// <summary>0 or less: no limit.</summary>
    public double PermitsPerSecond { get; set; }

    public int Burst { get; set; } = 1;

    /// <summary>Longest a send waits for a permit; beyond it the send fails as rate limited (transient) with the wait as Retry-After.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(5);
}
