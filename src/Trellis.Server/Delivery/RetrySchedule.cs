using NodaTime;

namespace Trellis.Server.Delivery;

/// <summary>
/// When a transient failure is tried again: exponential backoff from the attempt count, but never sooner than the
/// provider asked (Retry-After) — its word beats our guess.
/// </summary>
public static class RetrySchedule
{
    public static Instant Next(Instant now, int attempts, TimeSpan? retryAfter, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var backoff = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var delay = TimeSpan.FromMilliseconds(Math.Min(backoff, options.RetryMaxDelay.TotalMilliseconds));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        return now + Duration.FromTimeSpan(delay);
    }
}
