using Trellis.Storage;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task A_sent_entry_keeps_the_provider_message_id_and_is_found_by_it_from_any_workspace()
    {
        var ws = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1"), T0);
        await Store.Outbox.EnqueueAsync(other, TestChanges.Send("u2"), T0);
        var claimed = await Store.Outbox.ClaimAsync(T0, 10, Lease);
        var mine = claimed.Single(e => e.Workspace == ws);
        var theirs = claimed.Single(e => e.Workspace == other);
        var providerId = $"<{Guid.NewGuid():N}@acme.example>";

        Assert.Null(mine.ProviderMessageId);
        Assert.True(await Store.Outbox.MarkSentAsync(ws, mine.Id, mine.LeaseToken!.Value, T0, providerId));
        Assert.True(await Store.Outbox.MarkSentAsync(other, theirs.Id, theirs.LeaseToken!.Value, T0));

        Assert.Equal(providerId, (await Store.Outbox.GetAsync(ws, mine.Id))!.ProviderMessageId);
        Assert.Equal(providerId, Assert.Single(await Store.Outbox.ListForPersonAsync(ws, "u1")).ProviderMessageId);
        Assert.Null((await Store.Outbox.GetAsync(other, theirs.Id))!.ProviderMessageId);
        var found = await Store.Outbox.FindByProviderMessageIdAsync(providerId);
        Assert.Equal((ws, mine.Id, "u1"), (found!.Workspace, found.Id, found.Key.PersonId));
        Assert.Null(await Store.Outbox.FindByProviderMessageIdAsync("SM-no-such-message"));
    }

    [Fact]
    public async Task A_provider_message_id_is_not_recorded_by_a_dispatcher_that_lost_its_lease()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("u1"), T0);
        var crashed = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));
        var retaken = Assert.Single(await Store.Outbox.ClaimAsync(T0 + Lease, 10, Lease));

        Assert.False(await Store.Outbox.MarkSentAsync(ws, crashed.Id, crashed.LeaseToken!.Value, T0 + Lease, "SM-stale"));
        Assert.True(await Store.Outbox.MarkSentAsync(ws, retaken.Id, retaken.LeaseToken!.Value, T0 + Lease, "SM-current"));

        Assert.Null(await Store.Outbox.FindByProviderMessageIdAsync("SM-stale"));
        Assert.Equal(retaken.Id, (await Store.Outbox.FindByProviderMessageIdAsync("SM-current"))!.Id);
    }

    [Fact]
    public async Task Finding_by_an_empty_provider_message_id_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Outbox.FindByProviderMessageIdAsync(""));
    }
}
