using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresPersonStore(PostgresDatabase database) : IPersonStore
{
    private static readonly string[] EraseStatements =
        ["ErasePersons", "EraseEvents", "EraseTrace", "EraseConsents", "EraseOutbox", "EraseInbox", "EraseAliases"];

    public Task<PersonProfile?> GetProfileAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("GetProfile", c);
            command.Parameters.Workspace(workspace).Text("person", personId);
            var rows = await command.ReadAllAsync(ProfileRow.Read, cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : (await WithConsentAsync(c, workspace, rows, cancellationToken).ConfigureAwait(false))[0];
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PersonProfile>> ListProfilesAsync(WorkspaceId workspace, string? afterPersonId, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequirePositive(limit, nameof(limit));
        return database.RunAsync<IReadOnlyList<PersonProfile>>(async c =>
        {
            await using var command = database.Command("ListProfiles", c);
            command.Parameters.Workspace(workspace).Text("after", afterPersonId ?? string.Empty).Integer("limit", limit);
            var rows = await command.ReadAllAsync(ProfileRow.Read, cancellationToken).ConfigureAwait(false);
            return await WithConsentAsync(c, workspace, rows, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<long> CountAsync(WorkspaceId workspace, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("CountPersons", c);
            command.Parameters.Workspace(workspace);
            return (long)(await command.ScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    public Task<string> ResolveAsync(WorkspaceId workspace, string id, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(id, nameof(id));
        return database.RunAsync(c => ResolveAsync(c, null, workspace, id, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<StoredTraceEntry>> ReadTraceAsync(WorkspaceId workspace, string personId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequirePositive(limit, nameof(limit));
        return database.RunAsync<IReadOnlyList<StoredTraceEntry>>(async c =>
        {
            await using var command = database.Command("ReadTrace", c);
            command.Parameters.Workspace(workspace).Text("person", personId)
                .Bigint("first_row", TraceBatch.FirstRow(afterSequence)).Integer("rows", TraceBatch.RowsFor(limit));
            var lines = new List<StoredTraceEntry>(Math.Min(limit, 256));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (lines.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                TraceBatch.Read(reader.GetInt64(0), personId, reader.GetString(1), afterSequence, limit, lines);
            }

            return lines;
        }, cancellationToken);
    }

    public Task<bool> EraseAsync(WorkspaceId workspace, string personId, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.InTransactionAsync(async (c, t) =>
        {
            var canonical = await ResolveAsync(c, t, workspace, personId, cancellationToken).ConfigureAwait(false);
            List<string> ids;
            await using (var aliasesOf = database.Command("AliasesOf", c, t))
            {
                aliasesOf.Parameters.Workspace(workspace).Text("person", canonical);
                ids = await aliasesOf.ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            }

            ids.Add(canonical);
            ids.Add(personId);
            var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
            await using var erase = new NpgsqlBatch(c, t);
            foreach (var statement in EraseStatements)
            {
                erase.Add(database, statement).Workspace(workspace).TextArray("ids", distinct);
            }

            erase.Add(database, "InsertTombstones").Workspace(workspace).TextArray("hashes", distinct.Select(Sha256Hex.Of)).Time("at", at);
            await erase.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var erasedRows = Enumerable.Range(0, EraseStatements.Length).Sum(i => erase.BatchCommands[i].RecordsAffected);
            return erasedRows > 0;
        }, cancellationToken);
    }

    public Task<bool> IsErasedAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("IsErased", c);
            command.Parameters.Workspace(workspace).Text("id_hash", Sha256Hex.Of(personId));
            return await command.ScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }, cancellationToken);
    }

    private async Task<string> ResolveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, WorkspaceId workspace, string id, CancellationToken cancellationToken)
    {
        await using var command = database.Command("ResolveAlias", connection, transaction);
        command.Parameters.Workspace(workspace).Text("id", id);
        return await command.ScalarAsync(cancellationToken).ConfigureAwait(false) as string ?? id;
    }

    private async Task<List<PersonProfile>> WithConsentAsync(NpgsqlConnection connection, WorkspaceId workspace, List<ProfileRow> rows, CancellationToken cancellationToken)
    {
        var consent = await PostgresConsentLoader.LoadAsync(database, connection, null, rows.Select(r => (workspace, r.PersonId)).ToList(), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToProfile(workspace, consent)).ToList();
    }
}
