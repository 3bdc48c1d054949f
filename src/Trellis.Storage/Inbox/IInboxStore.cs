namespace Trellis.Storage;

/// <summary>
/// Per-workspace in-app inbox: what the in_app channel delivered, until the person's app reads it. One insert
/// per message on the delivery path; reads are by person, newest first.
/// </summary>
public interface IInboxStore
{
    /// <summary>Stores the message unless the workspace already has one for its send; returns the stored one either way.</summary>
    Task<InboxMessage> AddAsync(WorkspaceId workspace, InboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>The person's messages, newest first (ties by id, descending).</summary>
    Task<IReadOnlyList<InboxMessage>> ListAsync(WorkspaceId workspace, string personId, bool unreadOnly, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks one of the person's messages read; a second call keeps the first time. False when there is no such message.</summary>
    Task<bool> MarkReadAsync(WorkspaceId workspace, string personId, string messageId, NodaTime.Instant at, CancellationToken cancellationToken = default);
}
