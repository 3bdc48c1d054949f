namespace Trellis.Bench.Server;

/// <summary>
/// Reads the outbox table directly (not through the store: the store has no "rows after id" query, and the
/// harness must not add work to the server's own connections).
/// </summary>
internal interface IOutboxReader : IAsyncDisposable
{
    /// <summary>Rows with an id above <paramref name="afterId"/>, in id order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OutboxRow>> ReadAfterAsync(long afterId, int max);

    Task<long> CountAsync();
}
