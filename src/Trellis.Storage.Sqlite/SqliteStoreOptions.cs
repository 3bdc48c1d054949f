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

    /// <summary>
    /// How often, at most, the WAL is checkpointed while writes go on (see <c>SqliteCheckpointer</c>): off the
    /// commit path, on its own connection, once per interval after a commit. Longer copies a page changed by several
    /// commits once and syncs less often; the WAL then holds about one interval of writes.
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a write waits for another process holding the write lock before failing with <see cref="StorageBusyException"/>.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
