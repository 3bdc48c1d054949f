using NodaTime;
using Trellis.Delivery.Tests.Support;
using Trellis.Server.Delivery;
using Trellis.Storage;
using Trellis.Storage.Sqlite;

namespace Trellis.Delivery.Tests.Dispatch;

/// <summary>The dispatcher's batched marks, against a real SQLite store: every caller gets its own mark's outcome.</summary>
public sealed class OutboxMarkBatcherTests : IAsyncLifetime
{
    private static readonly WorkspaceId Ws = new("marks");
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly Duration Lease = Duration.FromMinutes(10);
    private readonly TempFolder _folder = new();
    private ITrellisStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = Path.Combine(_folder.Path, "trellis.db") });
        await _store.Workspaces.CreateAsync(new WorkspaceRecord(Ws, "Marks", Sha256Hex.Of("w"), Sha256Hex.Of("s"), T0, T0));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Concurrent_marks_are_each_recorded_and_answered_with_their_own_outcome()
    {
        var claimed = await EnqueueAndClaimAsync(200);
        var batcher = new OutboxMarkBatcher(_store);

        // Half sent, a quarter retried, and a quarter under a lease token that is not theirs (refused).
        var outcomes = await Task.WhenAll(claimed.Select((e, i) => Task.Run(() => batcher.MarkAsync((i % 4) switch
        {
            0 or 1 => OutboxMark.Sent(Ws, e.Id, e.LeaseToken!.Value, T0, $"m{e.Id}@acme.example"),
            2 => OutboxMark.Retry(Ws, e.Id, e.LeaseToken!.Value, "451", T0, T0 + Duration.FromMinutes(1)),
            _ => OutboxMark.Sent(Ws, e.Id, Guid.NewGuid(), T0),
        }))));

        for (var i = 0; i < claimed.Count; i++)
        {
            var stored = (await _store.Outbox.GetAsync(Ws, claimed[i].Id))!;
            var expected = (i % 4) switch { 0 or 1 => OutboxStatus.Sent, 2 => OutboxStatus.Pending, _ => OutboxStatus.Claimed };
            Assert.Equal((i % 4 != 3, expected), (outcomes[i], stored.Status));
        }
    }

    [Fact]
    public async Task Two_marks_of_one_entry_go_in_separate_writes_so_neither_fails_the_other()
    {
        var claimed = await EnqueueAndClaimAsync(2);
        var retaken = Assert.Single(await _store.Outbox.ClaimAsync(T0 + Lease, 1, Lease));
        var entry = claimed.Single(e => e.Id == retaken.Id);
        var other = claimed.Single(e => e.Id != retaken.Id);
        var batcher = new OutboxMarkBatcher(_store);
        await _store.Events.AppendAsync(Ws, [new IncomingEvent
        {
            MessageId = "m1", Kind = EventKind.Track, UserId = "u1", EventName = "e",
            PayloadJson = """{"type":"track","event":"e","userId":"u1"}""", Timestamp = T0, ReceivedAt = T0,
        }]);

        // An open engine unit holds SQLite's write transaction: the first batch waits behind it, so the entry's two
        // marks (its lease ran out and it was claimed again, and both holders finish at once) queue up together.
        Task<bool> first, late, current;
        await using (var unit = await _store.Work.ClaimAsync(T0, 1))
        {
            Assert.Single(unit.Persons);
            first = batcher.MarkAsync(OutboxMark.Sent(Ws, other.Id, other.LeaseToken!.Value, T0));
            late = batcher.MarkAsync(OutboxMark.Sent(Ws, entry.Id, entry.LeaseToken!.Value, T0 + Lease));
            current = batcher.MarkAsync(OutboxMark.Sent(Ws, retaken.Id, retaken.LeaseToken!.Value, T0 + Lease, "again@acme.example"));
        }

        Assert.True(await first);
        Assert.False(await late);
        Assert.True(await current);
        Assert.Equal("again@acme.example", (await _store.Outbox.GetAsync(Ws, entry.Id))!.ProviderMessageId);
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_the_next_marks_are_written_again()
    {
        var claimed = await EnqueueAndClaimAsync(2);
        var batcher = new OutboxMarkBatcher(_store);
        await _store.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => batcher.MarkAsync(OutboxMark.Sent(Ws, claimed[0].Id, claimed[0].LeaseToken!.Value, T0)));

        _store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = Path.Combine(_folder.Path, "trellis.db") });
        var reopened = new OutboxMarkBatcher(_store);
        Assert.True(await reopened.MarkAsync(OutboxMark.Sent(Ws, claimed[1].Id, claimed[1].LeaseToken!.Value, T0)));
        Assert.Equal(OutboxStatus.Claimed, (await _store.Outbox.GetAsync(Ws, claimed[0].Id))!.Status);
    }

    private async Task<IReadOnlyList<OutboxEntry>> EnqueueAndClaimAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _store.Outbox.EnqueueAsync(Ws, new OutboxMessage(new SendKey($"p{i}", "news#1", "email", 1), "email", "{}", T0), T0);
        }

        return (await _store.Outbox.ClaimAsync(T0, count, Lease)).OrderBy(e => e.Key.PersonId, StringComparer.Ordinal).ToList();
    }
}
