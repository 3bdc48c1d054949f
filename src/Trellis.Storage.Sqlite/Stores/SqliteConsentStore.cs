using System.Text.Json;
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
            if (SqliteRowWriters.UpsertConsent(s, workspace, personId, consent) > 0)
            {
                s.Command("TouchPerson").Bind("$ws", workspace).Bind("$person", personId).ExecuteNonQuery();
            }

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

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ConsentRecord>>> ListForPersonsAsync(WorkspaceId workspace, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireItems(personIds, nameof(personIds));
        if (personIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<ConsentRecord>>(StringComparer.Ordinal);
        }

        var persons = JsonSerializer.Serialize(personIds.Distinct(StringComparer.Ordinal).ToArray());
        var rows = await database.ReadAsync(s => s.Command("ListConsentsForPersons")
            .Bind("$ws", workspace)
            .Bind("$persons", persons)
            .ReadAll(r => (Person: r.GetString(0), Consent: new ConsentRecord(r.GetString(1), r.GetFlag(2), r.GetString(3), r.GetInstant(4)))), cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Person, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ConsentRecord>)g.Select(r => r.Consent).ToList(), StringComparer.Ordinal);
    }
}
