using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresInboxStore(PostgresDatabase database) : IInboxStore
{
    public Task<InboxMessage> AddAsync(WorkspaceId workspace, InboxMessage message, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        InboxArguments.RequireMessage(message);
        return database.RunAsync(async c =>
        {
            await using (var insert = database.Command("InsertInboxMessage", c))
            {
                insert.Parameters.Workspace(workspace)
                    .Text("id", message.Id)
                    .Text("person", message.PersonId)
                    .Text("send", message.SendId)
                    .Text("title", message.Title)
                    .Text("body", message.Body)
                    .Text("metadata", MetadataJson.Write(message.Metadata))
                    .Time("created", message.CreatedAt);
                if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
                {
                    return message with { ReadAt = null };
                }
            }

            // The send was delivered before (a retry after a lost acknowledgement): the first message stands.
            await using var existing = database.Command("InboxMessageBySend", c);
            existing.Parameters.Workspace(workspace).Text("send", message.SendId);
            return await existing.ReadFirstOrDefaultAsync(PostgresRows.Inbox, cancellationToken).ConfigureAwait(false)
                ?? throw new ConstraintViolationException($"The inbox message {message.Id} clashes with another message's id.");
        }, cancellationToken);
    }

    public Task<IReadOnlyList<InboxMessage>> ListAsync(WorkspaceId workspace, string personId, bool unreadOnly, int limit, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequirePositive(limit, nameof(limit));
        return database.RunAsync<IReadOnlyList<InboxMessage>>(async c =>
        {
            await using var command = database.Command("ListInbox", c);
            command.Parameters.Workspace(workspace).Text("person", personId).Boolean("unread_only", unreadOnly).Integer("limit", limit);
            return await command.ReadAllAsync(PostgresRows.Inbox, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> MarkReadAsync(WorkspaceId workspace, string personId, string messageId, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(personId, nameof(personId));
        Arguments.RequireId(messageId, nameof(messageId));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("MarkInboxRead", c);
            command.Parameters.Workspace(workspace).Text("person", personId).Text("id", messageId).Time("at", at);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }
}
