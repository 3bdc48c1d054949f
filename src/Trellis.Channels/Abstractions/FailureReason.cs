namespace Trellis.Channels;

/// <summary>Why a send failed. <see cref="FailureReasons.IsTransient"/> splits them into retry / don't retry.</summary>
public enum FailureReason
{
    // Transient: the same message may go through later.
    Timeout,
    RateLimited,
    ProviderUnavailable,
    ConnectionFailed,
    CircuitOpen,

    // Permanent: sending the same message again will fail the same way.
    Rejected,
    InvalidAddress,
    RefusedTarget,
    InvalidContent,
    Misconfigured,
    Unexpected,
}
