using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqliteIdempotencyKeys(SqliteDatabase database) : IIdempotencyKeys
{
    public async Task<bool> TryRecordAsync(WorkspaceId workspace, string key, Instant now, Instant expiresAt, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(key, nameof(key));
        var changed = await database.WriteAsync(s => s.Command("RecordIdempotencyKey")
            .Bind("$ws", workspace)
            .Bind("$key", key)
            .Bind("$now", now)
            .Bind("$expires_at", expiresAt)
            .ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    public Task<int> PurgeExpiredAsync(Instant now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(s => s.Command("PurgeIdempotencyKeys").Bind("$now", now).ExecuteNonQuery(), cancellationToken);
}
