using Microsoft.Data.Sqlite;
using Trellis.Storage;
using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// Group commit on SQLite: appends queued behind the write gate share one transaction, each in its own
/// savepoint, and none is answered before that transaction commits.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly string _path = TempSqliteFile.NewPath();

    [Fact]
    public async Task Appends_queued_behind_an_open_write_are_answered_only_after_their_shared_commit()
    {
        using var database = SqliteDatabase.Open(new SqliteStoreOptions { FilePath = _path });
        var events = new SqliteEventLog(database);
        var work = new SqliteWorkQueue(database);
        var ws = new WorkspaceId("ws");
        await events.AppendAsync(ws, [Track("u0", "a")]);
        var gate = await database.BeginWriteAsync(CancellationToken.None); // e.g. the engine committing a batch

        var appends = Enumerable.Range(1, 20)
            .Select(i => Task.Run(() => events.AppendAsync(ws, [Track("u" + i, "a"), Track("u" + i, "b")])))
            .ToList();
        await Task.Delay(200); // let them all queue on the held gate
        Assert.DoesNotContain(appends, a => a.IsCompleted);

        gate.Dispose();
        var results = await Task.WhenAll(appends).WaitAsync(Deadline);

        Assert.All(results, r => Assert.Equal(2, r.AppendedCount));
        Assert.Equal(20, results.SelectMany(r => r.Items).Select(i => i.PersonId).Distinct().Count());
        await using var next = await work.ClaimAsync(T0, 100);
        Assert.Equal(21, next.Persons.Count);
        Assert.All(next.Persons.Where(p => p.PersonId != "u0"), p => Assert.Equal(["a", "b"], p.Events.Select(e => e.EventName)));
    }

    [Fact]
    public async Task A_write_that_fails_inside_a_group_is_undone_alone_and_only_its_caller_sees_the_error()
    {
        using var database = SqliteDatabase.Open(new SqliteStoreOptions { FilePath = _path });
        var gate = await database.BeginWriteAsync(CancellationToken.None);

        var before = database.WriteGroupedAsync(s => InsertWorkspace(s, "before"), CancellationToken.None);
        var failing = database.WriteGroupedAsync<int>(s =>
        {
            InsertWorkspace(s, "half-done");
            return InsertWorkspace(s, "before"); // primary key violation after a successful insert
        }, CancellationToken.None);
        var after = database.WriteGroupedAsync(s => InsertWorkspace(s, "after"), CancellationToken.None);
        Assert.False(before.IsCompleted || failing.IsCompleted || after.IsCompleted);

        gate.Dispose();

        Assert.Equal(1, await before.WaitAsync(Deadline));
        Assert.Equal(1, await after.WaitAsync(Deadline));
        var failure = await Assert.ThrowsAnyAsync<StorageException>(() => failing.WaitAsync(Deadline));
        Assert.False(failure.IsTransient);
        Assert.Equal(["after", "before"], await WorkspaceIdsAsync(database));
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_while_it_was_queued_never_runs()
    {
        using var database = SqliteDatabase.Open(new SqliteStoreOptions { FilePath = _path });
        var gate = await database.BeginWriteAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var abandoned = database.WriteGroupedAsync(s => InsertWorkspace(s, "abandoned"), giveUp.Token);
        var kept = database.WriteGroupedAsync(s => InsertWorkspace(s, "kept"), CancellationToken.None);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Deadline));

        gate.Dispose();

        Assert.Equal(1, await kept.WaitAsync(Deadline));
        Assert.Equal(["kept"], await WorkspaceIdsAsync(database));
    }

    [Fact]
    public async Task When_the_shared_commit_fails_no_write_of_the_group_is_acknowledged()
    {
        using var database = SqliteDatabase.Open(new SqliteStoreOptions { FilePath = _path });
        var gate = await database.BeginWriteAsync(CancellationToken.None);

        var first = database.WriteGroupedAsync(s => InsertWorkspace(s, "first"), CancellationToken.None);
        // A write that ends the shared transaction itself: the group's commit then fails.
        var breaker = database.WriteGroupedAsync(EndTheTransaction, CancellationToken.None);
        gate.Dispose();

        await Assert.ThrowsAnyAsync<Exception>(() => first.WaitAsync(Deadline));
        await Assert.ThrowsAnyAsync<Exception>(() => breaker.WaitAsync(Deadline));
        Assert.Empty(await WorkspaceIdsAsync(database));
    }

    private static int EndTheTransaction(ISqliteSession session)
    {
        var statement = session.Command("GetWorkspace");
        using var rollback = statement.Connection!.CreateCommand();
        rollback.Transaction = statement.Transaction;
        rollback.CommandText = "ROLLBACK";
        return rollback.ExecuteNonQuery();
    }

    private static int InsertWorkspace(ISqliteSession session, string id) => session.Command("InsertWorkspace")
        .Bind("$id", id)
        .Bind("$name", id)
        .Bind("$write_key_hash", "w-" + id)
        .Bind("$secret_key_hash", "s-" + id)
        .Bind("$created_at", T0)
        .Bind("$keys_updated_at", T0)
        .ExecuteNonQuery();

    private static Task<List<string>> WorkspaceIdsAsync(SqliteDatabase database) => database.ReadAsync(
        s => s.Command("ListWorkspaces").ReadAll(r => r.GetString(0)).Order(StringComparer.Ordinal).ToList(),
        CancellationToken.None);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempSqliteFile.Delete(_path);
    }
}
