namespace Trellis.Server.Delivery;

/// <summary>
/// Configuration section <c>Trellis:Delivery</c>: how the outbox dispatcher paces itself. The defaults suit one
/// SMTP relay; the provider, not Trellis, is the bottleneck, so a handful of sends in flight is enough.
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Trellis:Delivery";

    /// <summary>Sends in flight at once, across all channels.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long a claimed entry belongs to this dispatcher. Longer than the worst in-process retry sequence of the
    /// channel layer (attempt timeouts, backoff, an honoured Retry-After), so a slow send is never taken over by
    /// another dispatcher while it is still running; only a dispatcher that died lets its lease run out.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Claims (attempts) after which a send that keeps failing transiently is given up.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait before the second attempt; it doubles per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Longest sleep without a signal. Entries written by another process (or by an engine that does not signal
    /// <see cref="OutboxSignal"/>) are seen within this time; the query behind the check is one indexed read.
    /// </summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Entries settled without a provider (in-app messages the store delivers, entries given up or cancelled) skip
    /// the send slots and go through one store lane, and after a claim of only those the next claim may take this
    /// many. 0: no store lane, every entry through the slots, claims by their room. Unset: 256 on SQLite, where each
    /// claim is a turn of the one write gate (measured: less CPU and latency, twice the in-app delivery), and 0 on
    /// PostgreSQL, where the engine's saturated throughput measured lower with it (the same build, the setting
    /// toggled: median 7.6k against 11.1k events/s; delivery not counted there; BENCHMARKS.md, tenth measurement).
    /// </summary>
    public int? SettledClaim { get; set; }

    /// <summary>Open pixel and click redirects in marketing email HTML.</summary>
    public bool TrackEngagement { get; set; } = true;
}
