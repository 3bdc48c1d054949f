namespace Trellis.Channels.Http;

/// <summary>Reads Retry-After: either seconds or an HTTP date (relative to the injected clock).</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
