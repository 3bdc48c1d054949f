using Npgsql;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresSuppressionList(PostgresDatabase database) : ISuppressionList
{
    public Task AddAsync(WorkspaceId workspace, Suppression suppression, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(suppression);
        return database.RunAsync(async c =>
        {
            await using var batch = new NpgsqlBatch(c);
            PostgresEffectRows.AddSuppressions(batch, database, [(workspace, suppression)]);
            return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> IsSuppressedAsync(WorkspaceId workspace, string channel, string address, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(channel);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("IsSuppressed", c);
            command.Parameters.Workspace(workspace).Text("channel", channel).Text("address", Suppression.NormalizeAddress(address));
            return await command.ScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> SuppressedAmongAsync(WorkspaceId workspace, string channel, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(channel);
        Arguments.RequireItems(addresses, nameof(addresses));
        if (addresses.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var found = await database.RunAsync(async c =>
        {
            await using var command = database.Command("SuppressedAmong", c);
            command.Parameters.Workspace(workspace).Text("channel", channel)
                .TextArray("addresses", addresses.Select(Suppression.NormalizeAddress).Distinct(StringComparer.Ordinal));
            return await command.ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<Suppression>> ListAsync(WorkspaceId workspace, string? channel, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequirePositive(limit, nameof(limit));
        return database.RunAsync<IReadOnlyList<Suppression>>(async c =>
        {
            await using var command = database.Command("ListSuppressions", c);
            command.Parameters.Workspace(workspace).Text("channel", channel).Integer("limit", limit);
            return await command.ReadAllAsync(r => PostgresRows.Suppression(r), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> RemoveAsync(WorkspaceId workspace, string channel, string address, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(channel);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("DeleteSuppression", c);
            command.Parameters.Workspace(workspace).Text("channel", channel).Text("address", Suppression.NormalizeAddress(address));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }
}
