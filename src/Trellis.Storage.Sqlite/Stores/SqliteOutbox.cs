using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Outbox on SQLite: a claim is one UPDATE … RETURNING inside the write transaction, so two dispatchers can
/// never lease the same entry; an expired lease makes the row match the claim query again.
/// </summary>
internal sealed class SqliteOutbox(SqliteDatabase database) : IOutbox
{
    public async Task<bool> EnqueueAsync(WorkspaceId workspace, OutboxMessage message, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(message);
        var inserted = await database.WriteAsync(s => SqliteRowWriters.InsertOutbox(s, workspace, message, at), cancellationToken).ConfigureAwait(false);
        return inserted > 0;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(Instant now, int max, Duration lease, CancellationToken cancellationToken = default)
    {
        Arguments.RequirePositive(max, nameof(max));
        if (lease <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be positive.");
        }

        // Grouped with the marks and in-app inserts waiting for the gate: one commit for all of them. Still
        // exclusive (the group runs inside the one write transaction), and answered only after the commit.
        var entries = await database.WriteGroupedAsync(s => s.Command("ClaimOutbox")
            .Bind("$now", now)
            .Bind("$max", max)
            .Bind("$lease_until", now + lease)
            .Bind("$token", Guid.NewGuid().ToString("D"))
            .ReadAll(SqliteRows.Outbox), cancellationToken).ConfigureAwait(false);
        // RETURNING gives rows in no particular order: hand them out oldest first.
        return entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList();
    }

    public Task<bool> MarkSentAsync(WorkspaceId workspace, long id, Guid leaseToken, Instant at, string? providerMessageId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return Complete("MarkOutboxSent", workspace, id, leaseToken, at, null, null, cancellationToken, providerMessageId);
    }

    public Task<OutboxEntry?> FindByProviderMessageIdAsync(string providerMessageId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireId(providerMessageId, nameof(providerMessageId));
        return database.ReadAsync(s => s.Command("FindOutboxByProviderId").Bind("$provider_id", providerMessageId).ReadFirstOrDefault(SqliteRows.Outbox), cancellationToken);
    }

    public Task<bool> MarkFailedAsync(WorkspaceId workspace, long id, Guid leaseToken, string reason, Instant at, Instant? retryAt, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        ArgumentNullException.ThrowIfNull(reason);
        return Complete(retryAt is null ? "MarkOutboxFailed" : "MarkOutboxRetry", workspace, id, leaseToken, at, reason, retryAt, cancellationToken);
    }

    /// <summary>
    /// One grouped write (see <see cref="Complete"/>) for the whole batch, each mark a prepared statement: one
    /// savepoint and one share of a commit per batch instead of per entry.
    /// </summary>
    public async Task<IReadOnlyList<bool>> MarkManyAsync(IReadOnlyList<OutboxMark> marks, CancellationToken cancellationToken = default)
    {
        Arguments.RequireDistinctMarks(marks, nameof(marks));
        if (marks.Count == 0)
        {
            return [];
        }

        return await database.WriteGroupedAsync(s =>
        {
            var applied = new bool[marks.Count];
            for (var i = 0; i < marks.Count; i++)
            {
                applied[i] = Mark(s, marks[i]) > 0;
                if (applied[i] && marks[i].Inbox is { } message)
                {
                    // In the mark's transaction: the message exists exactly when the send is recorded as sent.
                    SqliteRowWriters.InsertInbox(s, marks[i].Workspace, message);
                }
            }

            return applied;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<Instant?> EarliestDueAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(s => s.Command("EarliestOutboxDue").Scalar() is long at ? SqliteTime.FromStored(at) : (Instant?)null, cancellationToken);

    public Task<OutboxEntry?> GetAsync(WorkspaceId workspace, long id, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return database.ReadAsync(s => s.Command("GetOutbox").Bind("$ws", workspace).Bind("$id", id).ReadFirstOrDefault(SqliteRows.Outbox), cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListForPersonAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        return await database.ReadAsync(s => s.Command("ListOutboxForPerson")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .ReadAll(SqliteRows.Outbox), cancellationToken).ConfigureAwait(false);
    }

    private static int Mark(ISqliteSession session, OutboxMark mark)
    {
        var token = mark.LeaseToken.ToString("D");
        return mark.Outcome switch
        {
            OutboxOutcome.Sent => session.Prepared("MarkOutboxSent")
                .Bind("$ws", mark.Workspace).Bind("$id", mark.Id).Bind("$token", token)
                .Bind("$at", mark.At).Bind("$provider_id", mark.ProviderMessageId).Execute(),
            OutboxOutcome.Retry => session.Prepared("MarkOutboxRetry")
                .Bind("$ws", mark.Workspace).Bind("$id", mark.Id).Bind("$token", token)
                .Bind("$reason", mark.Reason).Bind("$retry_at", mark.RetryAt).Execute(),
            OutboxOutcome.Failed => session.Prepared("MarkOutboxFailed")
                .Bind("$ws", mark.Workspace).Bind("$id", mark.Id).Bind("$token", token)
                .Bind("$at", mark.At).Bind("$reason", mark.Reason).Execute(),
            _ => throw new ArgumentOutOfRangeException(nameof(mark), mark.Outcome, "Unknown outcome."),
        };
    }

    /// <summary>
    /// Grouped with the other writes waiting for the write gate (see <see cref="SqliteGroupCommit"/>): the
    /// dispatcher records each send on its own, and with many in flight these would otherwise take one gate turn
    /// and one commit apiece, each a turn the engine worker and ingestion wait behind.
    /// </summary>
    private async Task<bool> Complete(string statement, WorkspaceId workspace, long id, Guid leaseToken, Instant at, string? reason, Instant? retryAt, CancellationToken cancellationToken, string? providerMessageId = null)
    {
        var changed = await database.WriteGroupedAsync(s => s.Command(statement)
            .Bind("$provider_id", providerMessageId)
            .Bind("$ws", workspace)
            .Bind("$id", id)
            .Bind("$token", leaseToken.ToString("D"))
            .Bind("$at", at)
            .Bind("$reason", reason)
            .Bind("$retry_at", retryAt)
            .ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }
}
