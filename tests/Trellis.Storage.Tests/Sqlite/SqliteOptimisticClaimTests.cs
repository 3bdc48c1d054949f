using Microsoft.Data.Sqlite;
using Trellis.Storage;
using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// SQLite claims hold no write transaction: writers go on while the engine decides, and a commit leaves out
/// (supersedes) any person whose row changed since the claim, so no decision made on a stale profile is written.
/// </summary>
public sealed class SqliteOptimisticClaimTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly string _path = TempSqliteFile.NewPath();
    private readonly WorkspaceId _ws = new("ws");
    private SqliteTrellisStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path });

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempSqliteFile.Delete(_path);
    }

    [Fact]
    public async Task Appends_are_durable_while_a_unit_is_open()
    {
        await _store.Events.AppendAsync(_ws, [Track("u1", "a")]);
        await using var unit = await _store.Work.ClaimAsync(T0, 10);

        var result = await _store.Events.AppendAsync(_ws, [Track("u1", "b"), Track("u2", "a")]).WaitAsync(Deadline);

        Assert.Equal(2, result.AppendedCount);
        Assert.Equal(["a", "b"], (await _store.Events.ReadAsync(_ws, "u1", 0, 10)).Select(e => e.EventName));
    }

    [Fact]
    public async Task Consent_written_after_the_claim_supersedes_the_decision_and_the_person_is_claimed_again_with_it()
    {
        await _store.Events.AppendAsync(_ws, [Track("u1", "a"), Track("u2", "a")]);
        var unit = await _store.Work.ClaimAsync(T0, 10);

        Assert.True(await _store.Consent.RecordAsync(_ws, "u1", new ConsentRecord("news", false, "api", T0)));
        foreach (var person in unit.Persons)
        {
            unit.Record(TestChanges.Processed(person, "decided") with { Outbox = [TestChanges.Send(person.PersonId)], Trace = [TestChanges.Trace("enter")] });
        }

        await unit.CommitAsync();
        await unit.DisposeAsync();

        Assert.Equal([new PersonKey(_ws, "u1")], unit.Superseded);
        Assert.Empty(await _store.Outbox.ListForPersonAsync(_ws, "u1"));
        Assert.Empty(await _store.Persons.ReadTraceAsync(_ws, "u1", 0, 10));
        Assert.Single(await _store.Outbox.ListForPersonAsync(_ws, "u2"));

        await using var again = await _store.Work.ClaimAsync(T0, 10);
        var u1 = Assert.Single(again.Persons);
        Assert.Equal("u1", u1.PersonId);
        Assert.Null(u1.State);
        Assert.Equal(["a"], u1.Events.Select(e => e.EventName));
        Assert.False(u1.Profile.Consent["news"].Granted);
    }

    [Fact]
    public async Task A_merge_into_a_claimed_person_supersedes_the_decision_and_the_next_claim_has_the_merged_history()
    {
        await _store.Events.AppendAsync(_ws, [Track("u1", "a"), AnonymousTrack("anon-1", "viewed")]);
        var unit = await _store.Work.ClaimAsync(T0, 10);
        var u1 = Assert.Single(unit.Persons, p => p.PersonId == "u1");

        await _store.Events.AppendAsync(_ws, [Identify("u1", "anon-1")]);
        foreach (var person in unit.Persons)
        {
            unit.Record(TestChanges.Processed(person, "decided"));
        }

        await unit.CommitAsync();
        await unit.DisposeAsync();

        // Both sides of the merge changed under the unit: anon-1 no longer exists, u1 has new history.
        Assert.Contains(new PersonKey(_ws, "u1"), unit.Superseded);
        Assert.Contains(new PersonKey(_ws, "anon-1"), unit.Superseded);
        await using var again = await _store.Work.ClaimAsync(T0, 10);
        var merged = Assert.Single(again.Persons);
        Assert.Equal("u1", merged.PersonId);
        Assert.Null(merged.State);
        Assert.Equal(["a", "viewed"], merged.Events.Where(e => e.Kind == EventKind.Track).Select(e => e.EventName).Order(StringComparer.Ordinal));
        Assert.Contains(merged.Events, e => e.Kind == EventKind.Identify);
        Assert.True(merged.Version > u1.Version);
    }

    [Fact]
    public async Task Another_process_running_the_engine_on_the_file_makes_claims_fail_as_transient_busy()
    {
        await _store.Events.AppendAsync(_ws, [Track("u1", "a")]);
        using (new FileStream(_path + "-claims.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var failure = await Assert.ThrowsAsync<StorageBusyException>(() => _store.Work.ClaimAsync(T0, 10));
            Assert.True(failure.IsTransient);
            Assert.Contains("one 'trellis serve' per SQLite file", failure.Message, StringComparison.Ordinal);
        }

        await using var unit = await _store.Work.ClaimAsync(T0, 10);
        Assert.Single(unit.Persons);
    }
}
