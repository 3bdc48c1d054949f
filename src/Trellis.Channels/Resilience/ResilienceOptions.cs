namespace Trellis.Channels.Resilience;

/// <summary>Configuration section <c>Trellis:Resilience:{provider}</c> (provider: smtp, sms, push, webhook, task).</summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries after the first attempt, for transient failures only. 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff; it doubles per retry, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A provider's Retry-After up to this long is waited out here; a longer one ends the send with
    /// the failure and its Retry-After, so the caller reschedules instead of holding a worker.
    /// </summary>
    public TimeSpan MaxHonouredRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Each attempt is cancelled after this long and counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public RateLimitOptions RateLimit { get; set; } = new();

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Source of jitter (values in [0, 1)); null uses Polly's. Tests pin it.</summary>
    public Func<double>? Randomizer { get; set; }
}
