using NodaTime;
using Trellis.Storage;

namespace Trellis.Storage.Tests;

/// <summary><see cref="IOutbox.MarkManyAsync"/>: a batch records exactly what the single marks would, lease by lease.</summary>
public abstract partial class StoreCompliance
{
    [Fact]
    public async Task A_batch_of_marks_records_sent_retry_and_failed_exactly_as_single_marks_would()
    {
        var ws = await NewWorkspaceAsync();
        foreach (var step in new[] { "sent", "retry", "failed" })
        {
            await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1", step: step), T0);
        }

        var claimed = (await Store.Outbox.ClaimAsync(T0, 10, Lease)).ToDictionary(e => e.Key.StepId);
        var sent = claimed["sent"];
        var retry = claimed["retry"];
        var failed = claimed["failed"];

        var applied = await Store.Outbox.MarkManyAsync(
        [
            OutboxMark.Sent(ws, sent.Id, sent.LeaseToken!.Value, T0.PlusSeconds(1), "batch-msg-1@acme.example"),
            OutboxMark.Retry(ws, retry.Id, retry.LeaseToken!.Value, "451 try later", T0.PlusSeconds(2), T0.PlusMinutes(5)),
            OutboxMark.Failed(ws, failed.Id, failed.LeaseToken!.Value, "550 no such user", T0.PlusSeconds(3)),
        ]);

        Assert.Equal([true, true, true], applied);
        var afterSent = (await Store.Outbox.GetAsync(ws, sent.Id))!;
        Assert.Equal(OutboxStatus.Sent, afterSent.Status);
        Assert.Equal(T0.PlusSeconds(1), afterSent.CompletedAt);
        Assert.Null(afterSent.LeaseToken);
        Assert.Equal("batch-msg-1@acme.example", afterSent.ProviderMessageId);
        Assert.Equal(sent.Id, (await Store.Outbox.FindByProviderMessageIdAsync("batch-msg-1@acme.example"))!.Id);
        var afterFailed = (await Store.Outbox.GetAsync(ws, failed.Id))!;
        Assert.Equal(OutboxStatus.Failed, afterFailed.Status);
        Assert.Equal(T0.PlusSeconds(3), afterFailed.CompletedAt);
        Assert.Equal("550 no such user", afterFailed.LastError);
        Assert.Null(afterFailed.ProviderMessageId);
        var afterRetry = (await Store.Outbox.GetAsync(ws, retry.Id))!;
        Assert.Equal(OutboxStatus.Pending, afterRetry.Status);
        Assert.Null(afterRetry.CompletedAt);
        Assert.Equal("451 try later", afterRetry.LastError);

        // Only the retried entry comes back, and only from its retry time.
        Assert.Empty(await Store.Outbox.ClaimAsync(T0.PlusMinutes(5) - Duration.FromSeconds(1), 10, Lease));
        var again = Assert.Single(await Store.Outbox.ClaimAsync(T0.PlusMinutes(5), 10, Lease));
        Assert.Equal(retry.Id, again.Id);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task A_mark_in_a_batch_whose_lease_passed_to_another_dispatcher_is_refused_without_stopping_the_others()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1"), T0);
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u2") with { AvailableAt = T0 + Lease + Duration.FromSeconds(1) }, T0);
        var slow = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));
        var other = await OpenAnotherStoreAsync();
        var retaken = Assert.Single(await other.Outbox.ClaimAsync(T0 + Lease, 1, Lease));
        Assert.Equal(slow.Id, retaken.Id);
        var fresh = Assert.Single(await Store.Outbox.ClaimAsync(T0 + Lease + Duration.FromSeconds(1), 10, Lease));

        var applied = await Store.Outbox.MarkManyAsync(
        [
            OutboxMark.Sent(ws, slow.Id, slow.LeaseToken!.Value, T0 + Lease, "late@acme.example"),
            OutboxMark.Sent(ws, fresh.Id, fresh.LeaseToken!.Value, T0 + Lease, "fresh@acme.example"),
            OutboxMark.Failed(ws, fresh.Id + 1000, Guid.NewGuid(), "no such entry", T0 + Lease),
        ]);

        Assert.Equal([false, true, false], applied);
        var stillClaimed = (await Store.Outbox.GetAsync(ws, slow.Id))!;
        Assert.Equal(OutboxStatus.Claimed, stillClaimed.Status);
        Assert.Equal(retaken.LeaseToken, stillClaimed.LeaseToken);
        Assert.Null(stillClaimed.ProviderMessageId);
        Assert.Equal([true], await other.Outbox.MarkManyAsync([OutboxMark.Sent(ws, retaken.Id, retaken.LeaseToken!.Value, T0 + Lease)]));
        Assert.Equal(OutboxStatus.Sent, (await Store.Outbox.GetAsync(ws, fresh.Id))!.Status);
    }

    [Fact]
    public async Task A_batch_may_span_workspaces_but_a_mark_only_applies_to_its_own_workspaces_entry()
    {
        var mine = await NewWorkspaceAsync();
        var theirs = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(mine, TestChanges.Send("u1"), T0);
        await Store.Outbox.EnqueueAsync(theirs, TestChanges.Send("u1"), T0);
        var claimed = await Store.Outbox.ClaimAsync(T0, 10, Lease);
        var a = claimed.Single(e => e.Workspace == mine);
        var b = claimed.Single(e => e.Workspace == theirs);

        // The right id and token, named under the wrong workspace, must not touch the other workspace's entry.
        Assert.Equal([false], await Store.Outbox.MarkManyAsync([OutboxMark.Sent(theirs, a.Id, a.LeaseToken!.Value, T0)]));
        Assert.Equal(OutboxStatus.Claimed, (await Store.Outbox.GetAsync(mine, a.Id))!.Status);

        var applied = await Store.Outbox.MarkManyAsync(
        [
            OutboxMark.Sent(mine, a.Id, a.LeaseToken!.Value, T0.PlusSeconds(1)),
            OutboxMark.Failed(theirs, b.Id, b.LeaseToken!.Value, "cancelled: suppressed", T0.PlusSeconds(1)),
        ]);

        Assert.Equal([true, true], applied);
        Assert.Equal(OutboxStatus.Sent, (await Store.Outbox.GetAsync(mine, a.Id))!.Status);
        Assert.Equal(OutboxStatus.Failed, (await Store.Outbox.GetAsync(theirs, b.Id))!.Status);
    }

    [Fact]
    public async Task A_large_batch_is_recorded_whole_and_a_repeated_batch_changes_nothing()
    {
        var ws = await NewWorkspaceAsync();
        for (var i = 0; i < 300; i++)
        {
            await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u" + i), T0);
        }

        var claimed = await Store.Outbox.ClaimAsync(T0, 300, Lease);
        var marks = claimed.Select(e => OutboxMark.Sent(ws, e.Id, e.LeaseToken!.Value, T0.PlusSeconds(1), $"m{e.Id}@acme.example")).ToList();

        Assert.All(await Store.Outbox.MarkManyAsync(marks), Assert.True);
        Assert.All(await Store.Outbox.MarkManyAsync(marks), Assert.False);
        Assert.Empty(await Store.Outbox.ClaimAsync(T0.PlusDays(1), 10, Lease));
        Assert.Null(await Store.Outbox.EarliestDueAsync());
        Assert.Equal(claimed[123].Id, (await Store.Outbox.FindByProviderMessageIdAsync($"m{claimed[123].Id}@acme.example"))!.Id);
    }

    [Fact]
    public async Task A_batch_of_marks_refuses_bad_input()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1"), T0);
        var claimed = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));
        var token = claimed.LeaseToken!.Value;

        Assert.Empty(await Store.Outbox.MarkManyAsync([]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.Outbox.MarkManyAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Outbox.MarkManyAsync(
            [OutboxMark.Sent(ws, claimed.Id, token, T0), OutboxMark.Failed(ws, claimed.Id, token, "twice", T0)]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Outbox.MarkManyAsync([OutboxMark.Sent(ws, claimed.Id, token, T0), null!]));
        Assert.Throws<ArgumentException>(() => OutboxMark.Sent(default, claimed.Id, token, T0));
        Assert.Throws<ArgumentNullException>(() => OutboxMark.Failed(ws, claimed.Id, token, null!, T0));
        Assert.Throws<ArgumentNullException>(() => OutboxMark.Retry(ws, claimed.Id, token, null!, T0, T0));

        // A refused batch wrote nothing: the entry is still claimed under its lease.
        Assert.Equal(OutboxStatus.Claimed, (await Store.Outbox.GetAsync(ws, claimed.Id))!.Status);
        Assert.Equal([true], await Store.Outbox.MarkManyAsync([OutboxMark.Sent(ws, claimed.Id, token, T0)]));
    }
}
