namespace Trellis.Channels.InApp;

/// <summary>An <see cref="IInAppInbox"/> in memory, for tests and simulations.</summary>
public sealed class InMemoryInAppInbox(TimeProvider time) : IInAppInbox
{
    private readonly Lock gate = new();
    private readonly List<InAppMessage> messages = [];

    public Task<InAppMessage> AddAsync(InAppMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            var existing = messages.Find(m => m.Workspace == message.Workspace && m.SendId == message.SendId);
            if (existing is null)
            {
                messages.Add(message);
            }

            return Task.FromResult(existing ?? message);
        }
    }

    public Task<IReadOnlyList<InAppMessage>> ListAsync(string workspace, string personId, bool unreadOnly, int limit, CancellationToken ct)
    {
        lock (gate)
        {
            IReadOnlyList<InAppMessage> list = messages
                .Where(m => m.Workspace == workspace && m.PersonId == personId && (!unreadOnly || !m.IsRead))
                .OrderByDescending(m => m.CreatedAt)
                .ThenByDescending(m => m.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, limit))
                .ToArray();
            return Task.FromResult(list);
        }
    }

    public Task<bool> MarkReadAsync(string workspace, string personId, string messageId, CancellationToken ct)
    {
        lock (gate)
        {
            var index = messages.FindIndex(m => m.Workspace == workspace && m.PersonId == personId && m.Id == messageId);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            if (!messages[index].IsRead)
            {
                messages[index] = messages[index] with { ReadAt = time.GetUtcNow() };
            }

            return Task.FromResult(true);
        }
    }
}
