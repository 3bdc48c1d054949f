using Npgsql;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresConsentStore(PostgresDatabase database) : IConsentStore
{
    public Task<bool> RecordAsync(WorkspaceId workspace, string personId, ConsentRecord consent, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        ArgumentNullException.ThrowIfNull(consent);
        return database.InTransactionAsync(async (c, t) =>
        {
            // Take the person's row lock first, then look for a tombstone: an erasure that committed while
            // we waited is seen, and the row we just re-created goes again.
            bool erased;
            await using (var ensure = new NpgsqlBatch(c, t))
            {
                ensure.Add(database, "EnsurePerson").Workspace(workspace).Text("person", personId).Time("now", consent.At);
                ensure.Add(database, "IsErased").Workspace(workspace).Text("id_hash", Sha256Hex.Of(personId));
                // EnsurePerson returns no rows, so the reader starts on IsErased's result.
                await using var reader = await ensure.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                erased = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }

            if (erased)
            {
                await using var forget = database.Command("DeletePersons", c, t);
                forget.Parameters.Workspace(workspace).TextArray("persons", [personId]);
                await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            await using var write = new NpgsqlBatch(c, t);
            PostgresEffectRows.AddConsent(write, database, [(workspace, personId, consent)]);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ConsentRecord>> ListAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.RunAsync<IReadOnlyList<ConsentRecord>>(async c =>
        {
            await using var command = database.Command("ListConsents", c);
            command.Parameters.Workspace(workspace).Text("person", personId);
            return await command.ReadAllAsync(r => PostgresRows.Consent(r), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ConsentRecord>>> ListForPersonsAsync(WorkspaceId workspace, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireItems(personIds, nameof(personIds));
        if (personIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<ConsentRecord>>(StringComparer.Ordinal);
        }

        var rows = await database.RunAsync(async c =>
        {
            await using var command = database.Command("ListConsentsForPersons", c);
            command.Parameters.Workspace(workspace).TextArray("persons", personIds.Distinct(StringComparer.Ordinal));
            return await command.ReadAllAsync(r => (Person: r.GetString(0), Consent: PostgresRows.Consent(r, 1)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Person, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ConsentRecord>)g.Select(r => r.Consent).ToList(), StringComparer.Ordinal);
    }
}
