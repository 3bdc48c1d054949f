using NodaTime;
using Trellis.Channels.InApp;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// The server's in-app inbox: the messages live in the store, so they survive a restart and every process on a
/// shared database sees the same inbox. The dispatcher does not deliver through <see cref="AddAsync"/> when this is
/// the inbox: it writes each message with its send's outcome (<see cref="OutboxEntryDelivery"/>).
/// </summary>
public sealed class StoredInAppInbox(ITrellisStore store, IClock clock) : IInAppInbox
{
    public async Task<InAppMessage> AddAsync(InAppMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = await store.Inbox.AddAsync(new WorkspaceId(message.Workspace), ToStored(message), ct).ConfigureAwait(false);
        return ToChannel(message.Workspace, stored);
    }

    public async Task<IReadOnlyList<InAppMessage>> ListAsync(string workspace, string personId, bool unreadOnly, int limit, CancellationToken ct)
    {
        if (limit <= 0)
        {
            return [];
        }

        var stored = await store.Inbox.ListAsync(new WorkspaceId(workspace), personId, unreadOnly, limit, ct).ConfigureAwait(false);
        return stored.Select(m => ToChannel(workspace, m)).ToArray();
    }

    public Task<bool> MarkReadAsync(string workspace, string personId, string messageId, CancellationToken ct) =>
        store.Inbox.MarkReadAsync(new WorkspaceId(workspace), personId, messageId, clock.GetCurrentInstant(), ct);

    /// <summary>The channel's message as the store keeps it (not yet read).</summary>
    public static InboxMessage ToStored(InAppMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new InboxMessage(
            message.Id,
            message.PersonId,
            message.SendId,
            message.Title,
            message.Body,
            message.Metadata,
            Instant.FromDateTimeOffset(message.CreatedAt),
            null);
    }

    private static InAppMessage ToChannel(string workspace, InboxMessage m) => new()
    {
        Id = m.Id,
        Workspace = workspace,
        PersonId = m.PersonId,
        Title = m.Title,
        Body = m.Body,
        CreatedAt = m.CreatedAt.ToDateTimeOffset(),
        ReadAt = m.ReadAt?.ToDateTimeOffset(),
        SendId = m.SendId,
        Metadata = m.Metadata,
    };
}
