namespace Trellis.Channels;

public static class FailureReasons
{
    public static bool IsTransient(this FailureReason reason) => reason switch
    {
        FailureReason.Timeout or FailureReason.RateLimited or FailureReason.ProviderUnavailable
            or FailureReason.ConnectionFailed or FailureReason.CircuitOpen => true,
        _ => false,
    };

    /// <summary>The snake_case name used in logs, traces and the API.</summary>
    public static string Name(this FailureReason reason) => reason switch
    {
        FailureReason.Timeout => "timeout",
        FailureReason.RateLimited => "rate_limited",
        FailureReason.ProviderUnavailable => "provider_unavailable",
        FailureReason.ConnectionFailed => "connection_failed",
        FailureReason.CircuitOpen => "circuit_open",
        FailureReason.Rejected => "rejected",
        FailureReason.InvalidAddress => "invalid_address",
        FailureReason.RefusedTarget => "refused_target",
        FailureReason.InvalidContent => "invalid_content",
        FailureReason.Misconfigured => "misconfigured",
        _ => "unexpected",
    };
}
