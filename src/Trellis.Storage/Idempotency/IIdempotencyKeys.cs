using NodaTime;

namespace Trellis.Storage;

/// <summary>Record-once keys with an expiry, to de-duplicate admin requests and provider webhooks.</summary>
public interface IIdempotencyKeys
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expiresAt"/>. True the first time (or when the
    /// previous record had expired by <paramref name="now"/>), false while an earlier record is live.
    /// </summary>
    Task<bool> TryRecordAsync(WorkspaceId workspace, string key, Instant now, Instant expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes records expired by <paramref name="now"/> in every workspace (housekeeping). Returns how many.</summary>
    Task<int> PurgeExpiredAsync(Instant now, CancellationToken cancellationToken = default);
}
