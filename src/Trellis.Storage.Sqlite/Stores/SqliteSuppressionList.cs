using System.Text.Json;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqliteSuppressionList(SqliteDatabase database) : ISuppressionList
{
    public Task AddAsync(WorkspaceId workspace, Suppression suppression, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(suppression);
        return database.WriteAsync(s => SqliteRowWriters.UpsertSuppression(s, workspace, suppression), cancellationToken);
    }

    public Task<bool> IsSuppressedAsync(WorkspaceId workspace, string channel, string address, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(channel);
        return database.ReadAsync(s => s.Command("IsSuppressed")
            .Bind("$ws", workspace)
            .Bind("$channel", channel)
            .Bind("$address", Suppression.NormalizeAddress(address))
            .Scalar() is not null, cancellationToken);
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

        var normalized = JsonSerializer.Serialize(addresses.Select(Suppression.NormalizeAddress).Distinct(StringComparer.Ordinal).ToArray());
        var found = await database.ReadAsync(s => s.Command("SuppressedAmong")
            .Bind("$ws", workspace)
            .Bind("$channel", channel)
            .Bind("$addresses", normalized)
            .ReadAll(r => r.GetString(0)), cancellationToken).ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Suppression>> ListAsync(WorkspaceId workspace, string? channel, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequirePositive(limit, nameof(limit));
        return await database.ReadAsync(s => s.Command("ListSuppressions")
            .Bind("$ws", workspace)
            .Bind("$channel", channel)
            .Bind("$limit", limit)
            .ReadAll(SqliteRows.Suppression), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(WorkspaceId workspace, string channel, string address, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(channel);
        var removed = await database.WriteAsync(s => s.Command("DeleteSuppression")
            .Bind("$ws", workspace)
            .Bind("$channel", channel)
            .Bind("$address", Suppression.NormalizeAddress(address))
            .ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }
}
