namespace Trellis.Channels;

/// <summary>The message was not accepted.</summary>
/// <param name="Reason">What went wrong, coarse enough to act on.</param>
/// <param name="Detail">Human-readable detail (provider status, error code and message) for logs and the timeline.</param>
/// <param name="RetryAfter">How long the provider asked us to wait (Retry-After), or the wait until the circuit or rate limit lets a send through.</param>
/// <param name="ProviderStatus">The HTTP or SMTP status code, when there was one.</param>
public sealed record DeliveryFailed(
    FailureReason Reason,
    string Detail,
    TimeSpan? RetryAfter = null,
    int? ProviderStatus = null) : DeliveryResult
{
    /// <summary>True when sending the same message again later can succeed.</summary>
    public bool IsTransient => Reason.IsTransient();
}
