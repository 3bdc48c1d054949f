using NodaTime;
using Trellis.Storage;

namespace Trellis.Storage.Tests;

/// <summary>
/// <see cref="OutboxMark.SentToInbox"/>: an in-app send's message is stored by its sent mark, in the same write, and
/// only when the mark is recorded.
/// </summary>
public abstract partial class StoreCompliance
{
    [Fact]
    public async Task A_sent_to_inbox_mark_stores_the_message_with_the_mark_among_other_marks()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("ada", step: "tip") with { Channel = "in_app" }, T0);
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("bob", step: "tip"), T0);
        var claimed = (await Store.Outbox.ClaimAsync(T0, 10, Lease)).ToDictionary(e => e.Key.PersonId);
        var inApp = claimed["ada"];
        var email = claimed["bob"];
        var message = Message("inapp-1", "ada", "send-ada-tip", T0.PlusSeconds(1), title: "A tip");

        var applied = await Store.Outbox.MarkManyAsync(
        [
            OutboxMark.SentToInbox(ws, inApp.Id, inApp.LeaseToken!.Value, T0.PlusSeconds(1), message),
            OutboxMark.Sent(ws, email.Id, email.LeaseToken!.Value, T0.PlusSeconds(1), "mail-1@acme.example"),
        ]);

        Assert.Equal([true, true], applied);
        var stored = Assert.Single(await Store.Inbox.ListAsync(ws, "ada", unreadOnly: false, limit: 10));
        Assert.Equal(
            (message.Id, message.PersonId, message.SendId, message.Title, message.Body, message.CreatedAt, (Instant?)null),
            (stored.Id, stored.PersonId, stored.SendId, stored.Title, stored.Body, stored.CreatedAt, stored.ReadAt));
        Assert.Equal(message.Metadata.OrderBy(p => p.Key), stored.Metadata.OrderBy(p => p.Key));
        var afterInApp = (await Store.Outbox.GetAsync(ws, inApp.Id))!;
        Assert.Equal(OutboxStatus.Sent, afterInApp.Status);
        Assert.Equal("inapp-1", afterInApp.ProviderMessageId);
        Assert.Empty(await Store.Inbox.ListAsync(ws, "bob", unreadOnly: false, limit: 10));
    }

    [Fact]
    public async Task A_sent_to_inbox_mark_whose_lease_has_passed_stores_no_message()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("ada") with { Channel = "in_app" }, T0);
        var slow = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));
        var other = await OpenAnotherStoreAsync();
        var retaken = Assert.Single(await other.Outbox.ClaimAsync(T0 + Lease, 1, Lease));

        var applied = await Store.Outbox.MarkManyAsync(
            [OutboxMark.SentToInbox(ws, slow.Id, slow.LeaseToken!.Value, T0 + Lease, Message("inapp-late", "ada", "send-ada", T0 + Lease))]);

        Assert.Equal([false], applied);
        Assert.Empty(await Store.Inbox.ListAsync(ws, "ada", unreadOnly: false, limit: 10));

        // The dispatcher that holds the lease now delivers it: exactly one message.
        Assert.Equal([true], await other.Outbox.MarkManyAsync(
            [OutboxMark.SentToInbox(ws, retaken.Id, retaken.LeaseToken!.Value, T0 + Lease, Message("inapp-1", "ada", "send-ada", T0 + Lease))]));
        Assert.Equal("inapp-1", Assert.Single(await Store.Inbox.ListAsync(ws, "ada", unreadOnly: false, limit: 10)).Id);
    }

    [Fact]
    public async Task A_send_already_in_the_inbox_keeps_its_first_message_and_is_still_marked_sent()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Outbox.EnqueueAsync(ws, TestChanges.Send("ada") with { Channel = "in_app" }, T0);
        var claimed = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));
        // Delivered once before through the inbox itself (an older server, or a lost acknowledgement).
        await Store.Inbox.AddAsync(ws, Message("inapp-first", "ada", "send-ada", T0, title: "First"));

        var applied = await Store.Outbox.MarkManyAsync(
            [OutboxMark.SentToInbox(ws, claimed.Id, claimed.LeaseToken!.Value, T0.PlusSeconds(5), Message("inapp-again", "ada", "send-ada", T0.PlusSeconds(5), title: "Again"))]);

        Assert.Equal([true], applied);
        var kept = Assert.Single(await Store.Inbox.ListAsync(ws, "ada", unreadOnly: false, limit: 10));
        Assert.Equal(("inapp-first", "First"), (kept.Id, kept.Title));
        Assert.Equal(OutboxStatus.Sent, (await Store.Outbox.GetAsync(ws, claimed.Id))!.Status);
    }

    [Fact]
    public async Task A_sent_to_inbox_mark_refuses_an_incomplete_message()
    {
        var ws = await NewWorkspaceAsync();
        Assert.Throws<ArgumentNullException>(() => OutboxMark.SentToInbox(ws, 1, Guid.NewGuid(), T0, null!));
        Assert.Throws<ArgumentException>(() => OutboxMark.SentToInbox(ws, 1, Guid.NewGuid(), T0, Message("", "ada", "send", T0)));
        Assert.Throws<ArgumentException>(() => OutboxMark.SentToInbox(ws, 1, Guid.NewGuid(), T0, Message("m", "ada", "", T0)));
    }
}
