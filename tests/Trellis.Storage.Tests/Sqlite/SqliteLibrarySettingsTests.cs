using System.Runtime.CompilerServices;
using SQLitePCL;
using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// SQLite's process-wide settings (<see cref="SqliteLibrarySettings"/>) take effect only before the process's first
/// connection. This assembly applies them when it loads (below), as the server does before it opens its store, so
/// no test that opens a plain connection first can take that chance away from this one.
/// </summary>
public sealed class SqliteLibrarySettingsTests : IDisposable
{
    private const int StatusMemoryUsed = 0;
    private readonly string _path = TempSqliteFile.NewPath();

    [ModuleInitializer]
    internal static void ApplyBeforeAnyConnection() => SqliteLibrarySettings.EnsureApplied();

    [Fact]
    public async Task Sqlite_keeps_no_memory_totals_so_allocations_take_no_process_wide_lock()
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path });
        await store.Events.AppendAsync(new WorkspaceId("ws"), Enumerable.Range(0, 50).Select(i => Track($"u{i}", "signup")).ToList());

        Assert.True(SqliteLibrarySettings.MemoryStatisticsOff, "SQLite refused the setting: a connection was opened before it");
        // With statistics on, the open connections and their page caches alone hold hundreds of KB here.
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_status(StatusMemoryUsed, out var used, out _, 0));
        Assert.Equal(0, used);
    }

    public void Dispose() => TempSqliteFile.Delete(_path);
}
