namespace Trellis.Storage;

/// <summary>The durable log of ingested calls.</summary>
public interface IEventLog
{
    /// <summary>
    /// Appends a batch in ONE transaction: when this returns, every appended event is committed, so the
    /// server may acknowledge the request. Resolves ids to canonical persons through aliases, records new
    /// links (alias calls, calls with both userId and anonymousId) and merges the linked person into the
    /// known one. Duplicates (by messageId) and events of erased persons are reported per item, not thrown.
    /// </summary>
    Task<AppendResult> AppendAsync(WorkspaceId workspace, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken = default);

    /// <summary>A person's events with a sequence above <paramref name="afterSequence"/>, in sequence order (the timeline).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(WorkspaceId workspace, string personId, long afterSequence, int limit, CancellationToken cancellationToken = default);
}
