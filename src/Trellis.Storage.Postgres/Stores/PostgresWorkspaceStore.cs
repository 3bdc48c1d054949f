using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresWorkspaceStore(PostgresDatabase database) : IWorkspaceStore
{
    public Task CreateAsync(WorkspaceRecord workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Arguments.RequireWorkspace(workspace.Id);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("InsertWorkspace", c);
            command.Parameters
                .Text("id", workspace.Id.Value)
                .Text("name", workspace.Name)
                .Text("write_key_hash", workspace.WriteKeyHash)
                .Text("secret_key_hash", workspace.SecretKeyHash)
                .Time("created_at", workspace.CreatedAt)
                .Time("keys_updated_at", workspace.KeysUpdatedAt);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<WorkspaceRecord?> GetAsync(WorkspaceId id, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(id);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("GetWorkspace", c);
            command.Parameters.Text("id", id.Value);
            return await command.ReadFirstOrDefaultAsync(PostgresRows.Workspace, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<WorkspaceRecord?> FindByKeyHashAsync(KeyKind kind, string keyHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command(kind == KeyKind.Write ? "FindWorkspaceByWriteKey" : "FindWorkspaceBySecretKey", c);
            command.Parameters.Text("key_hash", keyHash);
            return await command.ReadFirstOrDefaultAsync(PostgresRows.Workspace, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> RotateKeyAsync(WorkspaceId id, KeyKind kind, string newKeyHash, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(id);
        ArgumentNullException.ThrowIfNull(newKeyHash);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command(kind == KeyKind.Write ? "RotateWriteKey" : "RotateSecretKey", c);
            command.Parameters.Text("id", id.Value).Text("key_hash", newKeyHash).Time("at", at);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<WorkspaceRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync<IReadOnlyList<WorkspaceRecord>>(async c =>
        {
            await using var command = database.Command("ListWorkspaces", c);
            return await command.ReadAllAsync(PostgresRows.Workspace, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
