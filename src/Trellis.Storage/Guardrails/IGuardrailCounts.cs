using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// The guardrail's counts, one row per workspace, journey and time bucket (not one per event): adding to a
/// bucket is an upsert that increments it, and a window's rates are the sum of its buckets. Several processes
/// on one database add to the same rows, so each sees the others' counts.
/// </summary>
public interface IGuardrailCounts
{
    /// <summary>Adds <paramref name="tally"/> to the bucket that starts at <paramref name="bucketStart"/>.</summary>
    Task AddAsync(WorkspaceId workspace, string journey, Instant bucketStart, GuardrailTally tally, CancellationToken cancellationToken = default);

    /// <summary>The sum of the journey's buckets that start after <paramref name="after"/> and no later than <paramref name="until"/>.</summary>
    Task<GuardrailTally> SumAsync(WorkspaceId workspace, string journey, Instant after, Instant until, CancellationToken cancellationToken = default);

    /// <summary>Deletes every workspace's buckets that start before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(Instant before, CancellationToken cancellationToken = default);
}
