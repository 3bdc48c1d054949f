using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqliteWorkspaceStore(SqliteDatabase database) : IWorkspaceStore
{
    public Task CreateAsync(WorkspaceRecord workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Arguments.RequireWorkspace(workspace.Id);
        return database.WriteAsync(s => s.Command("InsertWorkspace")
            .Bind("$id", workspace.Id)
            .Bind("$name", workspace.Name)
            .Bind("$write_key_hash", workspace.WriteKeyHash)
            .Bind("$secret_key_hash", workspace.SecretKeyHash)
            .Bind("$created_at", workspace.CreatedAt)
            .Bind("$keys_updated_at", workspace.KeysUpdatedAt)
            .ExecuteNonQuery(), cancellationToken);
    }

    public Task<WorkspaceRecord?> GetAsync(WorkspaceId id, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(id);
        return database.ReadAsync(s => s.Command("GetWorkspace").Bind("$id", id).ReadFirstOrDefault(SqliteRows.Workspace), cancellationToken);
    }

    public Task<WorkspaceRecord?> FindByKeyHashAsync(KeyKind kind, string keyHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        var statement = kind == KeyKind.Write ? "FindWorkspaceByWriteKey" : "FindWorkspaceBySecretKey";
        return database.ReadAsync(s => s.Command(statement).Bind("$key_hash", keyHash).ReadFirstOrDefault(SqliteRows.Workspace), cancellationToken);
    }

    public async Task<bool> RotateKeyAsync(WorkspaceId id, KeyKind kind, string newKeyHash, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(id);
        ArgumentNullException.ThrowIfNull(newKeyHash);
        var statement = kind == KeyKind.Write ? "RotateWriteKey" : "RotateSecretKey";
        var changed = await database.WriteAsync(s => s.Command(statement)
            .Bind("$id", id)
            .Bind("$key_hash", newKeyHash)
            .Bind("$at", at)
            .ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    public async Task<IReadOnlyList<WorkspaceRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        await database.ReadAsync(s => s.Command("ListWorkspaces").ReadAll(SqliteRows.Workspace), cancellationToken).ConfigureAwait(false);
}
