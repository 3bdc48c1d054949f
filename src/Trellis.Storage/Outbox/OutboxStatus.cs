namespace Trellis.Storage;

/// <summary>Life of an outbox entry: Pending → Claimed → Sent | Failed, or back to Pending for a retry.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its available time.</summary>
    Pending,

    /// <summary>Leased by a dispatcher; becomes claimable again when the lease expires without an outcome.</summary>
    Claimed,

    Sent,

    /// <summary>Given up (permanent failure).</summary>
    Failed,
}
