using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqlitePersonStore(SqliteDatabase database) : IPersonStore
{
    private static readonly string[] EraseStatements =
        ["ErasePerson", "EraseEvents", "EraseTrace", "EraseConsents", "EraseOutbox", "EraseInbox", "EraseAliases"];

    public Task<PersonProfile?> GetProfileAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.ReadAsync(s => s.Command("GetProfile")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .ReadFirstOrDefault(r => SqliteProfiles.FromRow(s, workspace, r)), cancellationToken);
    }

    public async Task<IReadOnlyList<PersonProfile>> ListProfilesAsync(WorkspaceId workspace, string? afterPersonId, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequirePositive(limit, nameof(limit));
        return await database.ReadAsync(s => s.Command("ListProfiles")
            .Bind("$ws", workspace)
            .Bind("$after", afterPersonId ?? string.Empty)
            .Bind("$limit", limit)
            .ReadAll(r => SqliteProfiles.FromRow(s, workspace, r)), cancellationToken).ConfigureAwait(false);
    }

    public Task<long> CountAsync(WorkspaceId workspace, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return database.ReadAsync(s => (long)s.Command("CountPersons").Bind("$ws", workspace).Scalar()!, cancellationToken);
    }

    public Task<string> ResolveAsync(WorkspaceId workspace, string id, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(id, nameof(id));
        return database.ReadAsync(s => Resolve(s, workspace, id), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredTraceEntry>> ReadTraceAsync(WorkspaceId workspace, string personId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequirePositive(limit, nameof(limit));
        return await database.ReadAsync(s =>
        {
            var lines = new List<StoredTraceEntry>(Math.Min(limit, 256));
            using var reader = s.Command("ReadTrace")
                .Bind("$ws", workspace)
                .Bind("$person", personId)
                .Bind("$first_row", TraceBatch.FirstRow(afterSequence))
                .Bind("$rows", TraceBatch.RowsFor(limit))
                .ExecuteReader();
            while (lines.Count < limit && reader.Read())
            {
                TraceBatch.Read(reader.GetInt64(0), personId, reader.GetString(1), afterSequence, limit, lines);
            }

            return (IReadOnlyList<StoredTraceEntry>)lines;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> EraseAsync(WorkspaceId workspace, string personId, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.WriteAsync(s =>
        {
            var canonical = Resolve(s, workspace, personId);
            var ids = s.Command("AliasesOf").Bind("$ws", workspace).Bind("$person", canonical).ReadAll(r => r.GetString(0));
            ids.Add(canonical);
            ids.Add(personId);
            var erasedRows = 0;
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                foreach (var statement in EraseStatements)
                {
                    erasedRows += s.Command(statement).Bind("$ws", workspace).Bind("$id", id).ExecuteNonQuery();
                }

                s.Command("InsertTombstone").Bind("$ws", workspace).Bind("$id_hash", Sha256Hex.Of(id)).Bind("$at", at).ExecuteNonQuery();
            }

            return erasedRows > 0;
        }, cancellationToken);
    }

    public Task<bool> IsErasedAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.ReadAsync(s => s.Command("IsErased")
            .Bind("$ws", workspace)
            .Bind("$id_hash", Sha256Hex.Of(personId))
            .Scalar() is not null, cancellationToken);
    }

    private static string Resolve(ISqliteSession session, WorkspaceId workspace, string id) =>
        session.Command("ResolveAlias").Bind("$ws", workspace).Bind("$id", id).Scalar() as string ?? id;
}
