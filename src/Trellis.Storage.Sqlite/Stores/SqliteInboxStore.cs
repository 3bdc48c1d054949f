using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqliteInboxStore(SqliteDatabase database) : IInboxStore
{
    public async Task<InboxMessage> AddAsync(WorkspaceId workspace, InboxMessage message, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        InboxArguments.RequireMessage(message);
        // Grouped: the in-app channel delivers through here once per message, with several in flight; each in its
        // own transaction cost a gate turn and a commit per message, taken from the engine and ingestion.
        var inserted = await database.WriteGroupedAsync(s => SqliteRowWriters.InsertInbox(s, workspace, message), cancellationToken).ConfigureAwait(false);
        if (inserted > 0)
        {
            return message with { ReadAt = null };
        }

        // The send was delivered before (a retry after a lost acknowledgement): the first message stands.
        return await database.ReadAsync(s => s.Command("InboxMessageBySend")
            .Bind("$ws", workspace)
            .Bind("$send", message.SendId)
            .ReadFirstOrDefault(SqliteRows.Inbox), cancellationToken).ConfigureAwait(false)
            ?? throw new ConstraintViolationException($"The inbox message {message.Id} clashes with another message's id.");
    }

    public async Task<IReadOnlyList<InboxMessage>> ListAsync(WorkspaceId workspace, string personId, bool unreadOnly, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequirePositive(limit, nameof(limit));
        return await database.ReadAsync(s => s.Command("ListInbox")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .Bind("$unread_only", unreadOnly)
            .Bind("$limit", limit)
            .ReadAll(SqliteRows.Inbox), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> MarkReadAsync(WorkspaceId workspace, string personId, string messageId, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequireId(messageId, nameof(messageId));
        var updated = await database.WriteAsync(s => s.Command("MarkInboxRead")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .Bind("$id", messageId)
            .Bind("$at", at)
            .ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        return updated > 0;
    }
}
