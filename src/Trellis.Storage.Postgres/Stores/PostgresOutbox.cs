using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Outbox on PostgreSQL: a claim is one UPDATE over rows picked FOR UPDATE SKIP LOCKED, committed at once;
/// the lease (available_at) and its token then protect the entry, not a held transaction, so a dispatcher
/// may take its time sending. An expired lease makes the row match the claim query again.
/// </summary>
internal sealed class PostgresOutbox(PostgresDatabase database) : IOutbox
{
    public Task<bool> EnqueueAsync(WorkspaceId workspace, OutboxMessage message, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(message);
        return database.RunAsync(async c =>
        {
            await using var batch = new NpgsqlBatch(c);
            PostgresEffectRows.AddOutbox(batch, database, [(workspace, message)], at);
            return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(Instant now, int max, Duration lease, CancellationToken cancellationToken = default)
    {
        Arguments.RequirePositive(max, nameof(max));
        if (lease <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be positive.");
        }

        return database.RunAsync<IReadOnlyList<OutboxEntry>>(async c =>
        {
            await using var command = database.Command("ClaimOutbox", c);
            command.Parameters.Time("now", now).Integer("max", max).Time("lease_until", now + lease).Uuid("token", Guid.NewGuid());
            var entries = await command.ReadAllAsync(PostgresRows.Outbox, cancellationToken).ConfigureAwait(false);
            // RETURNING gives rows in no particular order: hand them out oldest first.
            return entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList();
        }, cancellationToken);
    }

    public Task<bool> MarkSentAsync(WorkspaceId workspace, long id, Guid leaseToken, Instant at, string? providerMessageId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return CompleteAsync("MarkOutboxSent", workspace, id, leaseToken, p => p.Time("at", at).Text("provider_id", providerMessageId), cancellationToken);
    }

    public Task<OutboxEntry?> FindByProviderMessageIdAsync(string providerMessageId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireId(providerMessageId, nameof(providerMessageId));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("FindOutboxByProviderId", c);
            command.Parameters.Text("provider_id", providerMessageId);
            return await command.ReadFirstOrDefaultAsync(PostgresRows.Outbox, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> MarkFailedAsync(WorkspaceId workspace, long id, Guid leaseToken, string reason, Instant at, Instant? retryAt, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(reason);
        return retryAt is { } retry
            ? CompleteAsync("MarkOutboxRetry", workspace, id, leaseToken, p => p.Text("reason", reason).Time("retry_at", retry), cancellationToken)
            : CompleteAsync("MarkOutboxFailed", workspace, id, leaseToken, p => p.Text("reason", reason).Time("at", at), cancellationToken);
    }

    /// <summary>One statement over the unnested marks and in-app messages, in its own implicit transaction: one commit and one WAL flush per batch.</summary>
    public async Task<IReadOnlyList<bool>> MarkManyAsync(IReadOnlyList<OutboxMark> marks, CancellationToken cancellationToken = default)
    {
        Arguments.RequireDistinctMarks(marks, nameof(marks));
        if (marks.Count == 0)
        {
            return [];
        }

        var inboxed = marks.Where(m => m.Inbox is not null).ToArray();
        var applied = await database.RunAsync(async c =>
        {
            // One statement: the marks and their in-app messages commit together.
            await using var command = database.Command("MarkOutboxMany", c);
            command.Parameters
                .TextArray("in_ws", inboxed.Select(m => m.Workspace.Value))
                .BigintArray("in_outbox_ids", inboxed.Select(m => m.Id))
                .TextArray("in_ids", inboxed.Select(m => m.Inbox!.Id))
                .TextArray("in_persons", inboxed.Select(m => m.Inbox!.PersonId))
                .TextArray("in_sends", inboxed.Select(m => m.Inbox!.SendId))
                .TextArray("in_titles", inboxed.Select(m => m.Inbox!.Title))
                .TextArray("in_bodies", inboxed.Select(m => m.Inbox!.Body))
                .TextArray("in_metadata", inboxed.Select(m => MetadataJson.Write(m.Inbox!.Metadata)))
                .TimeArray("in_created", inboxed.Select(m => m.Inbox!.CreatedAt));
            command.Parameters
                .TextArray("ws_list", marks.Select(m => m.Workspace.Value))
                .BigintArray("ids", marks.Select(m => m.Id))
                .UuidArray("tokens", marks.Select(m => m.LeaseToken))
                .TextArray("statuses", marks.Select(m => StatusAfter(m.Outcome)))
                .TimeArray("ats", marks.Select(m => m.At))
                .TextArray("provider_ids", marks.Select(m => m.ProviderMessageId))
                .TextArray("reasons", marks.Select(m => m.Reason))
                .NullableTimeArray("retry_ats", marks.Select(m => m.RetryAt));
            return await command.ReadAllAsync(r => (r.GetString(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        var recorded = applied.ToHashSet();
        return marks.Select(m => recorded.Contains((m.Workspace.Value, m.Id))).ToArray();
    }

    public Task<Instant?> EarliestDueAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(async c =>
        {
            await using var command = database.Command("EarliestOutboxDue", c);
            return await command.ScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime at ? PostgresTime.FromStored(at) : (Instant?)null;
        }, cancellationToken);

    public Task<OutboxEntry?> GetAsync(WorkspaceId workspace, long id, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("GetOutbox", c);
            command.Parameters.Workspace(workspace).Bigint("id", id);
            return await command.ReadFirstOrDefaultAsync(PostgresRows.Outbox, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEntry>> ListForPersonAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return database.RunAsync<IReadOnlyList<OutboxEntry>>(async c =>
        {
            await using var command = database.Command("ListOutboxForPerson", c);
            command.Parameters.Workspace(workspace).Text("person", personId);
            return await command.ReadAllAsync(PostgresRows.Outbox, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static string StatusAfter(OutboxOutcome outcome) => outcome switch
    {
        OutboxOutcome.Sent => "sent",
        OutboxOutcome.Retry => "pending",
        OutboxOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    private Task<bool> CompleteAsync(string statement, WorkspaceId workspace, long id, Guid leaseToken, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken) =>
        database.RunAsync(async c =>
        {
            await using var command = database.Command(statement, c);
            command.Parameters.Workspace(workspace).Bigint("id", id).Uuid("token", leaseToken);
            bind(command.Parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
}
