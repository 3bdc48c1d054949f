using SQLitePCL;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Process-wide settings of the SQLite library, applied once before the first connection of the process opens
/// (SQLite accepts them only before it initializes itself).
/// <para>
/// Memory statistics off (<c>SQLITE_CONFIG_MEMSTATUS</c>): with them on, which is the bundled library's default,
/// every allocation and free inside SQLite takes one process-wide mutex to keep a running total, so the writer,
/// the claim reader and the other readers all queue on the same lock hundreds of times per statement — about
/// 7 % of a saturated ingest run's samples were <c>pthread_mutex_lock</c>/<c>unlock</c>. Trellis reads no SQLite
/// memory statistic and sets no soft heap limit, the two things the totals serve.
/// </para>
/// If the process had already opened a SQLite connection some other way, SQLite refuses the change and keeps its
/// defaults; that costs speed, not correctness, so it is only reported through <see cref="MemoryStatisticsOff"/>.
/// </summary>
internal static class SqliteLibrarySettings
{
    private const int ConfigMemStatus = 9;

    private static readonly Lazy<bool> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when memory statistics are off in this process (the settings took effect).</summary>
    public static bool MemoryStatisticsOff => Applied.Value;

    /// <summary>Applies the settings if no connection has opened yet; later calls do nothing.</summary>
    public static void EnsureApplied() => _ = Applied.Value;

    private static bool Apply()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(ConfigMemStatus, 0) == raw.SQLITE_OK;
    }
}
