using NodaTime;

namespace Trellis.Storage;

/// <summary>Workspaces and their key hashes: how a request's key becomes a workspace.</summary>
public interface IWorkspaceStore
{
    /// <summary>Creates a workspace. An id or key hash already in use is a <see cref="ConstraintViolationException"/>.</summary>
    Task CreateAsync(WorkspaceRecord workspace, CancellationToken cancellationToken = default);

    Task<WorkspaceRecord?> GetAsync(WorkspaceId id, CancellationToken cancellationToken = default);

    /// <summary>The workspace whose key of <paramref name="kind"/> has this hash, or null.</summary>
    Task<WorkspaceRecord?> FindByKeyHashAsync(KeyKind kind, string keyHash, CancellationToken cancellationToken = default);

    /// <summary>Replaces one key's hash (rotation): the old key stops working at once. False when the workspace does not exist.</summary>
    Task<bool> RotateKeyAsync(WorkspaceId id, KeyKind kind, string newKeyHash, Instant at, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkspaceRecord>> ListAsync(CancellationToken cancellationToken = default);
}
