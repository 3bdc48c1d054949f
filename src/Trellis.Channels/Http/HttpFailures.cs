using System.Net;
using System.Net.Sockets;
using Trellis.Channels.Network;

namespace Trellis.Channels.Http;

/// <summary>The shared mapping from HTTP replies and transport errors to <see cref="DeliveryFailed"/>.</summary>
public static class HttpFailures
{
    /// <summary>A non-success reply. Providers refine this (e.g. an invalid number) before falling back to it.</summary>
    public static DeliveryFailed FromStatus(HttpResponseMessage response, string body, TimeProvider time)
    {
        var status = (int)response.StatusCode;
        var detail = $"HTTP {status} {response.ReasonPhrase}: {Shorten(body)}".TrimEnd(' ', ':');
        var retryAfter = RetryAfterHeader.Read(response, time);
        var reason = response.StatusCode switch
        {
            HttpStatusCode.RequestTimeout => FailureReason.Timeout,
            HttpStatusCode.TooManyRequests => FailureReason.RateLimited,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => FailureReason.Misconfigured,
            _ when status >= 500 => FailureReason.ProviderUnavailable,
            // 3xx lands here too: redirects are never followed (the target was checked, not where it points).
            _ => FailureReason.Rejected,
        };
        return new DeliveryFailed(reason, detail, retryAfter, status);
    }

    /// <summary>An exception from the HTTP stack that is not the caller's cancellation.</summary>
    public static DeliveryFailed FromException(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TargetRefusedException refused:
                    return new DeliveryFailed(FailureReason.RefusedTarget, refused.Message);
                case SocketException socket:
                    return new DeliveryFailed(FailureReason.ConnectionFailed, $"{socket.SocketErrorCode}: {socket.Message}");
                case OperationCanceledException or TimeoutException:
                    return new DeliveryFailed(FailureReason.Timeout, "the provider did not answer in time");
            }
        }

        return exception is HttpRequestException or IOException
            ? new DeliveryFailed(FailureReason.ConnectionFailed, exception.Message)
            : new DeliveryFailed(FailureReason.Unexpected, $"{exception.GetType().Name}: {exception.Message}");
    }

    public static string Shorten(string text, int max = 300) =>
        text.Length <= max ? text.Trim() : string.Concat(text.AsSpan(0, max).Trim(), "…");
}
