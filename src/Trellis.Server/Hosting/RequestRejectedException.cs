namespace Trellis.Server.Hosting;

/// <summary>A request that cannot be accepted as a whole: answered with <see cref="Status"/> and the message, nothing stored.</summary>
internal sealed class RequestRejectedException : Exception
{
    public RequestRejectedException(int status, string reason, string message)
        : base(message)
    {
        Status = status;
        Reason = reason;
    }

    public int Status { get; }

    /// <summary>A short metric label: too_large, malformed, invalid, unauthorized.</summary>
    public string Reason { get; }

    public static RequestRejectedException Invalid(string message) => new(400, "invalid", message);
}
