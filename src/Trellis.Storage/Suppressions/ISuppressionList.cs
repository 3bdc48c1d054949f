namespace Trellis.Storage;

/// <summary>Per-workspace suppression list (channel + address).</summary>
public interface ISuppressionList
{
    /// <summary>Adds or refreshes a suppression (the latest reason and time are kept).</summary>
    Task AddAsync(WorkspaceId workspace, Suppression suppression, CancellationToken cancellationToken = default);

    Task<bool> IsSuppressedAsync(WorkspaceId workspace, string channel, string address, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of these addresses are suppressed on the channel, in one read (the dispatcher checks a claimed batch
    /// at once). Answers normalized addresses (<see cref="Suppression.NormalizeAddress"/>).
    /// </summary>
    Task<IReadOnlySet<string>> SuppressedAmongAsync(WorkspaceId workspace, string channel, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default);

    /// <summary>Suppressions ordered by channel then address; <paramref name="channel"/> null lists all channels.</summary>
    Task<IReadOnlyList<Suppression>> ListAsync(WorkspaceId workspace, string? channel, int limit, CancellationToken cancellationToken = default);

    /// <summary>Lifts a suppression. False when there was none.</summary>
    Task<bool> RemoveAsync(WorkspaceId workspace, string channel, string address, CancellationToken cancellationToken = default);
}
