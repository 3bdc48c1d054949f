using NodaTime;

namespace Trellis.Server.Ingestion;

/// <summary>
/// Segment's clock-skew correction: a device's clock may be off, but the gap between its own <c>timestamp</c>
/// and <c>sentAt</c> is right, so the event happened that long before the server received it:
/// timestamp = receivedAt − (sentAt − timestamp).
/// </summary>
internal static class ClockSkew
{
    public static Instant Correct(Instant? timestamp, Instant? sentAt, Instant receivedAt) =>
        timestamp is not { } t ? receivedAt
        : sentAt is not { } s ? t
        : receivedAt - (s - t);
}
