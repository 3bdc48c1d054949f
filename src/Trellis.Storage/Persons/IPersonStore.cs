using NodaTime;

namespace Trellis.Storage;

/// <summary>Profiles, the decision trace, identity resolution and erasure, for the admin API.</summary>
public interface IPersonStore
{
    Task<PersonProfile?> GetProfileAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default);

    /// <summary>Profiles ordered by person id (ordinal), after <paramref name="afterPersonId"/> (keyset paging; null: from the start).</summary>
    Task<IReadOnlyList<PersonProfile>> ListProfilesAsync(WorkspaceId workspace, string? afterPersonId, int limit, CancellationToken cancellationToken = default);

    Task<long> CountAsync(WorkspaceId workspace, CancellationToken cancellationToken = default);

    /// <summary>The canonical person id for an id (itself unless it is an alias of another person).</summary>
    Task<string> ResolveAsync(WorkspaceId workspace, string id, CancellationToken cancellationToken = default);

    /// <summary>A person's trace lines after <paramref name="afterSequence"/>, in the order recorded.</summary>
    Task<IReadOnlyList<StoredTraceEntry>> ReadTraceAsync(WorkspaceId workspace, string personId, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases a person (found by their id or any alias) from every table: events, engine state, profile,
    /// consent, outbox, trace and aliases, and keeps a tombstone of each of their ids (a hash, not the id)
    /// so that later events for them are refused. True when there was anything to erase. Suppressions are
    /// kept: they are per address, and keeping them is what stops mail to an address that bounced.
    /// </summary>
    Task<bool> EraseAsync(WorkspaceId workspace, string personId, Instant at, CancellationToken cancellationToken = default);

    Task<bool> IsErasedAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default);
}
