using Trellis.Storage;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    private static InboxMessage Message(string id, string person, string send, NodaTime.Instant at, string title = "Hello") =>
        new(id, person, send, title, "Body of " + id, new Dictionary<string, string> { ["journey"] = "welcome", ["step"] = id }, at, null);

    [Fact]
    public async Task Inbox_messages_list_newest_first_with_their_metadata_and_unread_filter()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Inbox.AddAsync(ws, Message("m1", "ada", "send-1", T0));
        await Store.Inbox.AddAsync(ws, Message("m3", "ada", "send-3", T0.PlusMinutes(5)));
        await Store.Inbox.AddAsync(ws, Message("m2", "ada", "send-2", T0.PlusMinutes(5)));
        await Store.Inbox.AddAsync(ws, Message("m4", "bob", "send-4", T0.PlusMinutes(9)));

        var all = await Store.Inbox.ListAsync(ws, "ada", unreadOnly: false, limit: 10);
        Assert.Equal(["m3", "m2", "m1"], all.Select(m => m.Id));
        Assert.Equal(("send-1", "Hello", "Body of m1", T0), (all[2].SendId, all[2].Title, all[2].Body, all[2].CreatedAt));
        Assert.Equal("m1", all[2].Metadata["step"]);
        Assert.Null(all[2].ReadAt);
        Assert.Equal(["m3", "m2"], (await Store.Inbox.ListAsync(ws, "ada", false, 2)).Select(m => m.Id));

        Assert.True(await Store.Inbox.MarkReadAsync(ws, "ada", "m2", T0.PlusHours(1)));
        Assert.True(await Store.Inbox.MarkReadAsync(ws, "ada", "m2", T0.PlusHours(2)));
        Assert.Equal(["m3", "m1"], (await Store.Inbox.ListAsync(ws, "ada", unreadOnly: true, limit: 10)).Select(m => m.Id));
        var read = (await Store.Inbox.ListAsync(ws, "ada", false, 10)).Single(m => m.Id == "m2");
        Assert.Equal(T0.PlusHours(1), read.ReadAt);
    }

    [Fact]
    public async Task Inbox_keeps_one_message_per_send_and_survives_reopening()
    {
        var ws = await NewWorkspaceAsync();
        var first = await Store.Inbox.AddAsync(ws, Message("m1", "ada", "send-1", T0, title: "First"));
        var retried = await Store.Inbox.AddAsync(ws, Message("m1-again", "ada", "send-1", T0.PlusMinutes(1), title: "Retry"));

        Assert.Equal("m1", first.Id);
        Assert.Equal(("m1", "First", T0), (retried.Id, retried.Title, retried.CreatedAt));
        var reopened = await OpenAnotherStoreAsync();
        var stored = Assert.Single(await reopened.Inbox.ListAsync(ws, "ada", false, 10));
        Assert.Equal(("m1", "First"), (stored.Id, stored.Title));
    }

    [Fact]
    public async Task Inbox_messages_of_one_workspace_are_invisible_to_another()
    {
        var mine = await NewWorkspaceAsync();
        var theirs = await NewWorkspaceAsync();
        await Store.Inbox.AddAsync(mine, Message("m1", "ada", "send-1", T0));

        // The same ids in another workspace are a different message, not a duplicate.
        var other = await Store.Inbox.AddAsync(theirs, Message("m1", "ada", "send-1", T0, title: "Theirs"));

        Assert.Equal("Theirs", other.Title);
        Assert.Equal("Hello", Assert.Single(await Store.Inbox.ListAsync(mine, "ada", false, 10)).Title);
        Assert.True(await Store.Inbox.MarkReadAsync(theirs, "ada", "m1", T0.PlusHours(1)));
        Assert.Null(Assert.Single(await Store.Inbox.ListAsync(mine, "ada", false, 10)).ReadAt);
        Assert.False(await Store.Inbox.MarkReadAsync(mine, "bob", "m1", T0), "another person's message");
        Assert.False(await Store.Inbox.MarkReadAsync(mine, "ada", "missing", T0));
    }

    [Fact]
    public async Task Erasing_a_person_deletes_their_inbox()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("ada", "signed_up"));
        await Store.Inbox.AddAsync(ws, Message("m1", "ada", "send-1", T0));
        await Store.Inbox.AddAsync(ws, Message("m2", "bob", "send-2", T0));

        await Store.Persons.EraseAsync(ws, "ada", T0.PlusHours(1));

        Assert.Empty(await Store.Inbox.ListAsync(ws, "ada", false, 10));
        Assert.Single(await Store.Inbox.ListAsync(ws, "bob", false, 10));
    }

    [Fact]
    public async Task Inbox_refuses_bad_input()
    {
        var ws = await NewWorkspaceAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.Inbox.AddAsync(ws, Message("", "ada", "send-1", T0)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.Inbox.AddAsync(ws, Message("m1", "ada", "", T0)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.Inbox.ListAsync(ws, "ada", false, 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.Inbox.ListAsync(ws, "", false, 10));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.Inbox.MarkReadAsync(ws, "ada", "", T0));
    }
}
