using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Appends in one transaction and few round trips: (1) aliases and tombstones of the batch's ids, (2) the
/// <see cref="AppendPlanner"/> decides in memory, merges (rare) are applied, (3) one batch locks/flags the
/// persons in sorted order and inserts all events with unnest, then commit. A fourth query runs only when
/// some events were not inserted, to tell duplicates from persons erased meanwhile.
/// </summary>
internal sealed class PostgresEventLog(PostgresDatabase database) : IEventLog
{
    public Task<AppendResult> AppendAsync(WorkspaceId workspace, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            EventValidation.Validate(e);
        }

        return events.Count == 0
            ? Task.FromResult(new AppendResult([]))
            : database.InTransactionAsync((c, t) => AppendAsync(c, t, workspace, events, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(WorkspaceId workspace, string personId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequirePositive(limit, nameof(limit));
        return database.RunAsync<IReadOnlyList<StoredEvent>>(async c =>
        {
            await using var command = database.Command("ReadEvents", c);
            command.Parameters.Workspace(workspace).Text("person", personId).Bigint("after", afterSequence).Integer("limit", limit);
            return await command.ReadAllAsync(r => PostgresRows.Event(r, workspace), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<AppendResult> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkspaceId workspace, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        // Bookkeeping times (person created, alias linked) come from the batch, not from a clock here.
        var now = events.Max(e => e.ReceivedAt);
        var ids = AppendPlanner.IdsOf(events);
        Dictionary<string, string> aliases;
        HashSet<string> erasedHashes;
        await using (var lookup = new NpgsqlBatch(connection, transaction))
        {
            lookup.Add(database, "SelectAliases").Workspace(workspace).TextArray("ids", ids);
            lookup.Add(database, "SelectErasedHashes").Workspace(workspace).TextArray("hashes", ids.Select(Sha256Hex.Of));
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            aliases = (await reader.ReadResultAsync(r => (Alias: r.GetString(0), Person: r.GetString(1)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(a => a.Alias, a => a.Person, StringComparer.Ordinal);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            erasedHashes = (await reader.ReadResultAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false))
                .ToHashSet(StringComparer.Ordinal);
        }

        var plan = AppendPlanner.Plan(events, aliases, id => erasedHashes.Count > 0 && erasedHashes.Contains(Sha256Hex.Of(id)));
        foreach (var merge in plan.Merges)
        {
            await PostgresPersonMerger.MergeAsync(database, connection, transaction, workspace, merge, now, cancellationToken).ConfigureAwait(false);
        }

        if (plan.Persons.Count == 0)
        {
            return new AppendResult(plan.Events.Select(p => new AppendItemResult(p.Status, null, null)).ToArray());
        }

        var inserted = await InsertAsync(connection, transaction, workspace, events, plan, now, cancellationToken).ConfigureAwait(false);
        var missing = Enumerable.Range(0, events.Count)
            .Where(i => plan.Events[i].Status == AppendStatus.Appended && !inserted.ContainsKey(events[i].MessageId))
            .ToList();
        var erasedMeanwhile = missing.Count == 0
            ? []
            : await ForgetErasedAsync(connection, transaction, workspace, missing.Select(i => plan.Events[i].PersonId!).Distinct().ToArray(), cancellationToken).ConfigureAwait(false);

        var results = new AppendItemResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var planned = plan.Events[i];
            results[i] = planned.Status != AppendStatus.Appended ? new AppendItemResult(planned.Status, null, null)
                : inserted.TryGetValue(events[i].MessageId, out var sequence) ? new AppendItemResult(AppendStatus.Appended, planned.PersonId, sequence)
                : erasedMeanwhile.Contains(planned.PersonId!) ? new AppendItemResult(AppendStatus.RefusedErased, null, null)
                : new AppendItemResult(AppendStatus.Duplicate, null, null);
        }

        return new AppendResult(results);
    }

    /// <summary>Flags the persons (taking their row locks, in sorted order) and inserts the events; returns messageId → sequence.</summary>
    private async Task<Dictionary<string, long>> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkspaceId workspace, IReadOnlyList<IncomingEvent> events, AppendPlan plan, Instant now, CancellationToken cancellationToken)
    {
        var rows = Enumerable.Range(0, events.Count)
            .Where(i => plan.Events[i].Status == AppendStatus.Appended)
            .Select(i => (Event: events[i], PersonId: plan.Events[i].PersonId!))
            .ToList();
        await using var write = new NpgsqlBatch(connection, transaction);
        write.Add(database, "MarkPersonsPending").Workspace(workspace).Time("now", now).TextArray("persons", plan.Persons);
        write.Add(database, "InsertEvents")
            .Workspace(workspace)
            .TextArray("person_ids", rows.Select(r => r.PersonId))
            .TextArray("message_ids", rows.Select(r => r.Event.MessageId))
            .TextArray("kinds", rows.Select(r => StoredNames.Of(r.Event.Kind)))
            .TextArray("event_names", rows.Select(r => r.Event.EventName))
            .TextArray("payloads", rows.Select(r => r.Event.PayloadJson))
            .TimeArray("occurred_ats", rows.Select(r => r.Event.Timestamp))
            .TimeArray("received_ats", rows.Select(r => r.Event.ReceivedAt));
        // Statements that return no rows (the flagging) yield no result set: the reader starts on the inserted events.
        await using var reader = await write.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var inserted = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            inserted[reader.GetString(0)] = reader.GetInt64(1);
        }

        return inserted;
    }

    /// <summary>
    /// Of the given persons, those erased while this append waited for their row lock: their events were
    /// skipped by the insert, and the person rows this append re-created are removed again.
    /// </summary>
    private async Task<HashSet<string>> ForgetErasedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkspaceId workspace, string[] persons, CancellationToken cancellationToken)
    {
        List<string> erased;
        await using (var find = database.Command("ErasedAmong", connection, transaction))
        {
            find.Parameters.Workspace(workspace).TextArray("persons", persons);
            erased = await find.ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        }

        if (erased.Count > 0)
        {
            await using var delete = database.Command("DeletePersons", connection, transaction);
            delete.Parameters.Workspace(workspace).TextArray("persons", erased);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return erased.ToHashSet(StringComparer.Ordinal);
    }
}
