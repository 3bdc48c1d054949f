using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Applies a <see cref="PersonMerge"/> inside an append's transaction, in two round trips: lock both persons
/// (and re-check tombstones under the lock), then one batch of moves. When the known person has no row yet,
/// the linked person simply becomes them (state, watermark and events keep going). When both exist, the
/// linked person's events move over as unprocessed (fresh sequences: the known person's engine state never
/// saw them), traits fill the known person's gaps, the newer consent per topic wins, and the linked
/// person's own engine state is dropped.
/// </summary>
internal static class PostgresPersonMerger
{
    public static async Task MergeAsync(PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, WorkspaceId workspace, PersonMerge merge, Instant now, CancellationToken cancellationToken)
    {
        Dictionary<string, string> traits;
        long erased;
        await using (var lockPair = new NpgsqlBatch(connection, transaction))
        {
            lockPair.Add(database, "LockMergePair").Workspace(workspace).Text("from", merge.From).Text("into", merge.Into);
            lockPair.Add(database, "CountErasedOfPair").Workspace(workspace)
                .Text("from_hash", Sha256Hex.Of(merge.From)).Text("into_hash", Sha256Hex.Of(merge.Into));
            await using var reader = await lockPair.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            traits = (await reader.ReadResultAsync(r => (Person: r.GetString(0), Traits: r.GetString(1)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(p => p.Person, p => p.Traits, StringComparer.Ordinal);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            erased = reader.GetInt64(0);
        }

        if (erased > 0)
        {
            // Erased while we waited for the lock: linking would bring them back. Their events are refused later.
            return;
        }

        await using var moves = new NpgsqlBatch(connection, transaction);
        Add(moves, database, "InsertAlias", workspace, merge).Time("now", now);
        Add(moves, database, "RepointAliases", workspace, merge);
        if (traits.TryGetValue(merge.From, out var fromTraits))
        {
            if (traits.TryGetValue(merge.Into, out var intoTraits))
            {
                Add(moves, database, "MoveEventsAsUnprocessed", workspace, merge);
                Add(moves, database, "SetMergedProfile", workspace, merge)
                    .Text("traits", TraitsJson.Merge(fromTraits, intoTraits))
                    .Time("now", now);
                Add(moves, database, "DeletePersonRow", workspace, merge);
            }
            else
            {
                Add(moves, database, "RenamePerson", workspace, merge);
                Add(moves, database, "MoveEvents", workspace, merge);
            }

            Add(moves, database, "MoveTrace", workspace, merge);
            Add(moves, database, "MoveOutbox", workspace, merge);
            Add(moves, database, "MergeConsents", workspace, merge);
            Add(moves, database, "DeleteConsentsOf", workspace, merge);
        }

        await moves.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameterCollection Add(NpgsqlBatch batch, PostgresDatabase database, string statement, WorkspaceId workspace, PersonMerge merge)
    {
        var parameters = batch.Add(database, statement).Workspace(workspace);
        var sql = database.Sql[statement];
        if (sql.Contains("@from", StringComparison.Ordinal))
        {
            parameters.Text("from", merge.From);
        }

        if (sql.Contains("@into", StringComparison.Ordinal))
        {
            parameters.Text("into", merge.Into);
        }

        return parameters;
    }
}
