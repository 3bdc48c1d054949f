using Microsoft.Data.Sqlite;
using Trellis.Storage;
using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>SQLite failures become the contract's typed exceptions, transient or permanent as they should.</summary>
public sealed class SqliteFailureTests : IDisposable
{
    private readonly string _path = TempSqliteFile.NewPath();

    [Fact]
    public async Task A_write_lock_held_by_another_process_is_a_transient_busy_failure()
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path, BusyTimeout = TimeSpan.FromMilliseconds(100) });
        var ws = new WorkspaceId("ws");
        await store.Events.AppendAsync(ws, [Track("u1", "a")]);

        // Another process in the middle of a write transaction.
        using var other = new SqliteConnection($"Data Source={_path};Pooling=False");
        other.Open();
        using var transaction = other.BeginTransaction(deferred: false);
        var failure = await Assert.ThrowsAsync<StorageBusyException>(() => store.Events.AppendAsync(ws, [Track("u2", "a")]));

        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task A_database_from_a_newer_Trellis_is_refused()
    {
        await (await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path })).DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var newer = connection.CreateCommand();
            newer.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)";
            newer.ExecuteNonQuery();
        }

        var failure = await Assert.ThrowsAsync<SchemaVersionException>(() => SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path }));

        Assert.Equal(999, failure.DatabaseVersion);
        Assert.False(failure.IsTransient);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempSqliteFile.Delete(_path);
    }
}
