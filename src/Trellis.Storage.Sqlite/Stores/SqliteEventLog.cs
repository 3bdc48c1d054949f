using System.Text.Json;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Appends run in one IMMEDIATE transaction, shared with the appends queued at the same time (group commit:
/// each append in its own savepoint, answered only after the shared commit). Aliases and (when the workspace has
/// any) tombstones of the batch's ids are read, the <see cref="AppendPlanner"/> decides, merges are applied,
/// persons are flagged pending, events inserted. The per-row statements are prepared once on the writer connection
/// and bound by index (<see cref="SqlitePreparedStatement"/>), one execution per row: SQLite runs in-process, so a
/// row costs microseconds, not a round trip.
/// </summary>
internal sealed class SqliteEventLog(SqliteDatabase database) : IEventLog
{
    public Task<AppendResult> AppendAsync(WorkspaceId workspace, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            EventValidation.Validate(e);
        }

        if (events.Count == 0)
        {
            return Task.FromResult(new AppendResult([]));
        }

        // What needs no database is worked out before taking the one writer's turn, which every append and every
        // engine commit of the file waits for.
        var ids = AppendPlanner.IdsOf(events);
        var idsJson = JsonSerializer.Serialize(ids);
        return database.WriteGroupedAsync(s => Append(s, workspace, events, ids, idsJson), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(WorkspaceId workspace, string personId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequirePositive(limit, nameof(limit));
        return await database.ReadAsync(s => s.Command("ReadEvents")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .Bind("$after", afterSequence)
            .Bind("$limit", limit)
            .ReadAll(r => SqliteRows.Event(r, workspace)), cancellationToken).ConfigureAwait(false);
    }

    private static AppendResult Append(ISqliteSession session, WorkspaceId workspace, IReadOnlyList<IncomingEvent> events, IReadOnlyList<string> ids, string idsJson)
    {
        // Bookkeeping times (person created, alias linked) come from the batch, not from a clock here.
        var now = events.Max(e => e.ReceivedAt);
        var aliases = session.Command("SelectAliases")
            .Bind("$ws", workspace)
            .Bind("$ids", idsJson)
            .ReadAll(r => (Alias: r.GetString(0), Person: r.GetString(1)))
            .ToDictionary(a => a.Alias, a => a.Person, StringComparer.Ordinal);

        // Most workspaces have erased no one, or no one lately: one probe says so, instead of hashing every id of the
        // batch and looking each hash up while every other writer waits.
        var erasedHashes = session.Prepared("AnyErased").Bind("$ws", workspace).ScalarInt64() == 1
            ? session.Command("SelectErasedHashes")
                .Bind("$ws", workspace)
                .Bind("$hashes", JsonSerializer.Serialize(ids.Select(Sha256Hex.Of)))
                .ReadAll(r => r.GetString(0))
                .ToHashSet(StringComparer.Ordinal)
            : [];

        var plan = AppendPlanner.Plan(events, aliases, id => erasedHashes.Count > 0 && erasedHashes.Contains(Sha256Hex.Of(id)));

        foreach (var merge in plan.Merges)
        {
            SqlitePersonMerger.Merge(session, workspace, merge, now);
        }

        var markPending = session.Prepared("MarkPersonPending").Bind("$ws", workspace).Bind("$now", now);
        foreach (var person in plan.Persons)
        {
            markPending.Bind("$person", person).Execute();
        }

        var insert = session.Prepared("InsertEvent").Bind("$ws", workspace);
        var results = new AppendItemResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var planned = plan.Events[i];
            if (planned.Status != AppendStatus.Appended)
            {
                results[i] = new AppendItemResult(planned.Status, null, null);
                continue;
            }

            var e = events[i];
            var sequence = insert
                .Bind("$person", planned.PersonId)
                .Bind("$message_id", e.MessageId)
                .Bind("$kind", StoredNames.Of(e.Kind))
                .Bind("$event_name", e.EventName)
                .Bind("$payload", e.PayloadJson)
                .Bind("$occurred_at", e.Timestamp)
                .Bind("$received_at", e.ReceivedAt)
                .ScalarInt64();
            results[i] = sequence is { } seq
                ? new AppendItemResult(AppendStatus.Appended, planned.PersonId, seq)
                : new AppendItemResult(AppendStatus.Duplicate, null, null);
        }

        return new AppendResult(results);
    }
}
