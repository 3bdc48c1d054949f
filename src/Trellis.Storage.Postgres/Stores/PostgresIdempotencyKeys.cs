using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresIdempotencyKeys(PostgresDatabase database) : IIdempotencyKeys
{
    public Task<bool> TryRecordAsync(WorkspaceId workspace, string key, Instant now, Instant expiresAt, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(key, nameof(key));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("RecordIdempotencyKey", c);
            command.Parameters.Workspace(workspace).Text("key", key).Time("now", now).Time("expires_at", expiresAt);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<int> PurgeExpiredAsync(Instant now, CancellationToken cancellationToken = default) =>
        database.RunAsync(async c =>
        {
            await using var command = database.Command("PurgeIdempotencyKeys", c);
            command.Parameters.Time("now", now);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
