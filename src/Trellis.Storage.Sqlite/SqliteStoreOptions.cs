namespace Trellis.Storage.Sqlite;

/// <summary>Where the SQLite database lives and how hard it syncs.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Path of the database file (created with its folder when missing), e.g. <c>./data/trellis.db</c>.</summary>
    public required string FilePath { get; init; }

    /// <summary>
    /// false (default): WAL with <c>synchronous=NORMAL</c>: a commit is durable against a process crash, but a
    /// power loss or OS crash may lose the last transactions before the next WAL sync (the file stays
    /// consistent). That is the trade-off for an order of magnitude more commits per second.
    /// true: <c>synchronous=FULL</c>, every commit is fsynced before it returns.
    /// </summary>
    public bool SyncEveryCommit { get; init; }

    /// <summary>How long a write waits for another process holding the write lock before failing with <see cref="StorageBusyException"/>.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
