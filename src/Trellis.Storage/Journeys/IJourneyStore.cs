using NodaTime;

namespace Trellis.Storage;

/// <summary>Journey sources per workspace (the admin API's PUT / publish / pause).</summary>
public interface IJourneyStore
{
    /// <summary>
    /// Stores a new source: a new journey starts as <see cref="JourneyStatus.Draft"/> at version 1; an existing
    /// one keeps its status and gets the next version. With <paramref name="expectedVersion"/> (0: must not
    /// exist yet) a different stored version is a <see cref="VersionConflictException"/>.
    /// </summary>
    Task<JourneyRecord> SaveSourceAsync(WorkspaceId workspace, string journeyId, string sourceYaml, Instant at, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the status (and its reason, e.g. which guardrail). False when the journey does not exist.</summary>
    Task<bool> SetStatusAsync(WorkspaceId workspace, string journeyId, JourneyStatus status, string? reason, Instant at, CancellationToken cancellationToken = default);

    Task<JourneyRecord?> GetAsync(WorkspaceId workspace, string journeyId, CancellationToken cancellationToken = default);

    /// <summary>All journeys of the workspace, ordered by id.</summary>
    Task<IReadOnlyList<JourneyRecord>> ListAsync(WorkspaceId workspace, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(WorkspaceId workspace, string journeyId, CancellationToken cancellationToken = default);
}
