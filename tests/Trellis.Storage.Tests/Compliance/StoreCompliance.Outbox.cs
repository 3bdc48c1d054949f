using NodaTime;
using Trellis.Storage;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    private static readonly Duration Lease = Duration.FromMinutes(1);

    [Fact]
    public async Task The_same_send_key_is_queued_once_even_when_engine_work_is_repeated()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "a"));
        await ProcessAllAsync(T0, p => TestChanges.Processed(p, nextWakeAt: T0) with { Outbox = [TestChanges.Send("u1"), TestChanges.Send("u1")] });

        await ProcessAllAsync(T0, p => TestChanges.Processed(p) with { Outbox = [TestChanges.Send("u1"), TestChanges.Send("u1", decision: 2)] });
        var direct = await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1"), T0);

        Assert.False(direct);
        Assert.True(await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1", step: "reminder"), T0));
        var entries = await Store.Outbox.ListForPersonAsync(ws, "u1");
        Assert.Equal([("welcome", 1L), ("welcome", 2L), ("reminder", 1L)], entries.Select(e => (e.Key.StepId, e.Key.DecisionSequence)));
    }

    [Fact]
    public async Task A_claimed_entry_is_sent_once_and_only_its_lease_holder_completes_it()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1"), T0);

        var claimed = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));

        Assert.Equal(OutboxStatus.Claimed, claimed.Status);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal(T0 + Lease, claimed.AvailableAt);
        Assert.Empty(await Store.Outbox.ClaimAsync(T0, 10, Lease));
        Assert.False(await Store.Outbox.MarkSentAsync(ws, claimed.Id, Guid.NewGuid(), T0));
        Assert.True(await Store.Outbox.MarkSentAsync(ws, claimed.Id, claimed.LeaseToken!.Value, T0.PlusSeconds(2)));
        var sent = await Store.Outbox.GetAsync(ws, claimed.Id);
        Assert.Equal(OutboxStatus.Sent, sent!.Status);
        Assert.Equal(T0.PlusSeconds(2), sent.CompletedAt);
        Assert.Empty(await Store.Outbox.ClaimAsync(T0.PlusDays(1), 10, Lease));
        Assert.Null(await Store.Outbox.EarliestDueAsync());
    }

    [Fact]
    public async Task An_expired_lease_makes_the_entry_claimable_again_and_the_old_holder_can_no_longer_complete_it()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1"), T0);
        var crashed = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));

        Assert.Empty(await Store.Outbox.ClaimAsync(T0 + Lease - Duration.FromSeconds(1), 10, Lease));
        Assert.Equal(T0 + Lease, await Store.Outbox.EarliestDueAsync());
        var retaken = Assert.Single(await Store.Outbox.ClaimAsync(T0 + Lease, 10, Lease));

        Assert.Equal(crashed.Id, retaken.Id);
        Assert.Equal(2, retaken.Attempts);
        Assert.NotEqual(crashed.LeaseToken, retaken.LeaseToken);
        Assert.False(await Store.Outbox.MarkSentAsync(ws, crashed.Id, crashed.LeaseToken!.Value, T0 + Lease));
        Assert.True(await Store.Outbox.MarkSentAsync(ws, retaken.Id, retaken.LeaseToken!.Value, T0 + Lease));
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_from_its_retry_time_or_given_up_for_good()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1", step: "retry"), T0);
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1", step: "give-up"), T0);
        var claimed = await Store.Outbox.ClaimAsync(T0, 10, Lease);
        var retry = claimed.Single(e => e.Key.StepId == "retry");
        var giveUp = claimed.Single(e => e.Key.StepId == "give-up");

        Assert.True(await Store.Outbox.MarkFailedAsync(ws, retry.Id, retry.LeaseToken!.Value, "429 from provider", T0, T0.PlusMinutes(5)));
        Assert.True(await Store.Outbox.MarkFailedAsync(ws, giveUp.Id, giveUp.LeaseToken!.Value, "invalid address", T0, retryAt: null));

        Assert.Empty(await Store.Outbox.ClaimAsync(T0.PlusMinutes(4), 10, Lease));
        var again = Assert.Single(await Store.Outbox.ClaimAsync(T0.PlusMinutes(5), 10, Lease));
        Assert.Equal(retry.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal("429 from provider", again.LastError);
        var failed = await Store.Outbox.GetAsync(ws, giveUp.Id);
        Assert.Equal(OutboxStatus.Failed, failed!.Status);
        Assert.Equal("invalid address", failed.LastError);
    }

    [Fact]
    public async Task Entries_are_claimed_only_once_available_and_concurrent_dispatchers_get_disjoint_entries()
    {
        var ws = await NewWorkspaceAsync();
        for (var i = 0; i < 20; i++)
        {
            await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u" + i), T0);
        }

        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("later") with { AvailableAt = T0.PlusHours(1) }, T0);
        var other = await OpenAnotherStoreAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : other).Outbox.ClaimAsync(T0, 6, Lease))));

        var ids = claims.SelectMany(c => c).Select(e => e.Id).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(claims.SelectMany(c => c), e => e.Key.PersonId == "later");
        Assert.Equal(T0.PlusHours(1), (await Store.Outbox.ListForPersonAsync(ws, "later"))[0].AvailableAt);
    }
}
