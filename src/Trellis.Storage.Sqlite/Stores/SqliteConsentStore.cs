using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqliteConsentStore(SqliteDatabase database) : IConsentStore
{
    public Task<bool> RecordAsync(WorkspaceId workspace, string personId, ConsentRecord consent, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        ArgumentNullException.ThrowIfNull(consent);
        return database.WriteAsync(s =>
        {
            if (s.Command("IsErased").Bind("$ws", workspace).Bind("$id_hash", Sha256Hex.Of(personId)).Scalar() is not null)
            {
                return false;
            }

            s.Command("EnsurePerson").Bind("$ws", workspace).Bind("$person", personId).Bind("$now", consent.At).ExecuteNonQuery();
            SqliteRowWriters.UpsertConsent(s, workspace, personId, consent);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ConsentRecord>> ListAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return await database.ReadAsync(s => s.Command("ListConsents")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .ReadAll(SqliteRows.Consent), cancellationToken).ConfigureAwait(false);
    }
}
