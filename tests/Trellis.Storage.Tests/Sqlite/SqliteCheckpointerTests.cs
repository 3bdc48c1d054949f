using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// The WAL is checkpointed by <see cref="SqliteCheckpointer"/>, off the writer's commit path; the writer's own
/// automatic checkpoint is only a backstop far above what these tests write. So if the background loop did not run,
/// or copied frames without ever letting the WAL start over, the WAL file would hold every write of the test.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _path = TempSqliteFile.NewPath();
    private readonly WorkspaceId _ws = new("ws");

    [Fact]
    public async Task Commits_are_checkpointed_in_the_background_and_the_wal_starts_over()
    {
        var options = new SqliteStoreOptions { FilePath = _path, CheckpointInterval = TimeSpan.FromMilliseconds(20) };
        await using var store = await SqliteTrellisStore.OpenAsync(options);
        var checkpointer = store.Database.Checkpointer;
        const int Rounds = 12;
        for (var round = 0; round < Rounds; round++)
        {
            var turnsBefore = checkpointer.Checkpoints;
            await store.Events.AppendAsync(_ws, Enumerable.Range(0, 200).Select(i => Bulky($"r{round}-u{i}")).ToList());
            await PollAsync(() => checkpointer.Checkpoints > turnsBefore, "a checkpoint turn after the round's commit");
        }

        // Every round wrote ~400 KB of pages. Restarted after each turn, the WAL holds about one round; kept growing,
        // it would hold all twelve.
        var wal = WalBytes();
        Assert.True(wal > 0, "the WAL file exists while the store is open");
        Assert.True(wal < 4 * PerRoundBytes, $"the WAL kept {wal:N0} bytes after {Rounds} rounds of ~{PerRoundBytes:N0}: it never started over");
        Assert.Equal(0, checkpointer.Failures);

        // Nothing was lost on the way: every event of every round reads back.
        for (var round = 0; round < Rounds; round++)
        {
            Assert.Single(await store.Events.ReadAsync(_ws, $"r{round}-u199", 0, 10));
        }
    }

    [Fact]
    public async Task Writes_are_all_there_after_reopening_with_checkpoints_running_between_them()
    {
        var options = new SqliteStoreOptions { FilePath = _path, CheckpointInterval = TimeSpan.FromMilliseconds(1) };
        await using (var store = await SqliteTrellisStore.OpenAsync(options))
        {
            // Many small commits, each waking the loop, with checkpoints (gated passes included) racing them.
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async writer =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await store.Events.AppendAsync(_ws, [Bulky($"w{writer}-u{i}")]);
                }
            }));
            var checkpointer = store.Database.Checkpointer;
            await PollAsync(() => checkpointer.Checkpoints > 0, "a checkpoint turn");
        }

        await using var reopened = await SqliteTrellisStore.OpenAsync(options);
        for (var writer = 0; writer < 8; writer++)
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.Single(await reopened.Events.ReadAsync(_ws, $"w{writer}-u{i}", 0, 10));
            }
        }

        using var check = new SqliteConnection($"Data Source={_path};Pooling=False");
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }

    /// <summary>Roughly what one round of 200 bulky events writes to the WAL (payloads plus index pages).</summary>
    private const long PerRoundBytes = 200 * 2048;

    private static IncomingEvent Bulky(string user)
    {
        var e = Track(user, "bulky");
        return e with { PayloadJson = $$"""{"type":"track","userId":"{{user}}","event":"bulky","pad":"{{new string('x', 1500)}}"}""" };
    }

    private long WalBytes() => File.Exists(_path + "-wal") ? new FileInfo(_path + "-wal").Length : 0;

    private static async Task PollAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Deadline, $"waited {Deadline} for {what}");
            await Task.Delay(5);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempSqliteFile.Delete(_path);
    }
}
