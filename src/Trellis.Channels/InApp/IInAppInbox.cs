namespace Trellis.Channels.InApp;

/// <summary>
/// Where in-app messages live until the person's app fetches them. The server implements this on
/// its storage; <see cref="InMemoryInAppInbox"/> serves tests and the simulator.
/// </summary>
public interface IInAppInbox
{
    /// <summary>Stores the message, unless one with the same <see cref="InAppMessage.SendId"/> exists; returns the stored one either way.</summary>
    Task<InAppMessage> AddAsync(InAppMessage message, CancellationToken ct);

    /// <summary>The person's messages, newest first.</summary>
    Task<IReadOnlyList<InAppMessage>> ListAsync(string workspace, string personId, bool unreadOnly, int limit, CancellationToken ct);

    /// <summary>Marks one message read (once; a second call keeps the first time). False when there is no such message.</summary>
    Task<bool> MarkReadAsync(string workspace, string personId, string messageId, CancellationToken ct);
}
