using Trellis.Storage;

namespace Trellis.Server.Auth;

/// <summary>Finds the workspace a presented key belongs to, by the key's hash (keys are never stored).</summary>
public sealed class WorkspaceKeyLookup
{
    private readonly ITrellisStore _store;

    public WorkspaceKeyLookup(ITrellisStore store)
    {
        _store = store;
    }

    public async Task<WorkspaceId?> FindAsync(KeyKind kind, string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 512)
        {
            return null;
        }

        var workspace = await _store.Workspaces.FindByKeyHashAsync(kind, Sha256Hex.Of(key), cancellationToken);
        return workspace?.Id;
    }
}
