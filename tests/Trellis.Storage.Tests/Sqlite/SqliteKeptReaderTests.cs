using Microsoft.Data.Sqlite;
using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// Reads on SQLite run on kept connections with cached prepared statements (<see cref="SqliteReaderPool"/>). A kept
/// reader must see what was committed after its last use, must not pin the WAL (a statement left un-reset would hold
/// a read snapshot and stop checkpoints), and one whose read failed must not serve the next.
/// </summary>
public sealed class SqliteKeptReaderTests : IDisposable
{
    private readonly string _path = TempSqliteFile.NewPath();
    private readonly WorkspaceId _ws = new("ws");

    [Fact]
    public async Task A_kept_reader_sees_writes_committed_after_its_previous_read()
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path });
        await store.Events.AppendAsync(_ws, [Track("u1", "first")]);
        Assert.Single(await store.Events.ReadAsync(_ws, "u1", 0, 100));

        await store.Events.AppendAsync(_ws, [Track("u1", "second")]);

        var events = await store.Events.ReadAsync(_ws, "u1", 0, 100);
        Assert.Equal(["first", "second"], events.Select(e => e.EventName));
    }

    [Fact]
    public async Task Idle_kept_readers_hold_no_snapshot_so_the_wal_checkpoints_fully()
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path });
        for (var i = 0; i < 20; i++)
        {
            await store.Events.AppendAsync(_ws, [Track($"u{i}", "a"), Track($"u{i}", "b")]);
            // Read only the first row of two: the statement stops mid-result and must still be reset.
            Assert.Single(await store.Events.ReadAsync(_ws, $"u{i}", 0, 1));
            await store.Consent.ListForPersonsAsync(_ws, [$"u{i}", "nobody"]);
        }

        var (busy, walPages, _) = Checkpoint(_path);

        Assert.Equal(0, busy);
        Assert.Equal(0, walPages);
    }

    [Fact]
    public async Task A_reader_whose_read_failed_is_closed_and_the_next_read_works()
    {
        var options = new SqliteStoreOptions { FilePath = _path };
        await using (var store = await SqliteTrellisStore.OpenAsync(options))
        {
            await store.Events.AppendAsync(_ws, [Track("u1", "a"), Track("u1", "b")]);
        }

        using var database = SqliteDatabase.Open(options);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.ReadAsync<int>(
            session =>
            {
                var reader = ReadEventsOfU1(session).ExecuteReader();
                Assert.True(reader.Read());
                throw new InvalidOperationException("the read failed half-way, its reader left open");
            },
            CancellationToken.None));

        var (busy, _, _) = Checkpoint(_path);
        Assert.Equal(0, busy);
        var names = await database.ReadAsync(session => ReadEventsOfU1(session).ReadAll(r => r.GetString(4)), CancellationToken.None);
        Assert.Equal(["a", "b"], names);
    }

    private static SqliteCommand ReadEventsOfU1(ISqliteSession session) =>
        session.Command("ReadEvents").Bind("$ws", "ws").Bind("$person", "u1").Bind("$after", 0L).Bind("$limit", 100L);

    /// <summary>
    /// A TRUNCATE checkpoint from another connection. The store's own background checkpoint (SqliteCheckpointer) may
    /// hold the checkpoint lock for a moment, which also answers busy: that passes, a pinned snapshot does not, so
    /// busy is retried until a deadline.
    /// </summary>
    private static (long Busy, long WalPages, long Checkpointed) Checkpoint(string path)
    {
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var command = other.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            using var reader = command.ExecuteReader();
            reader.Read();
            var result = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if (result.Item1 == 0 || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return result;
            }

            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempSqliteFile.Delete(_path);
    }
}
