using Trellis.Channels.InApp;
using Trellis.Channels.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.InApp;

/// <summary>In-app messages land in the inbox, can be listed and marked read, once per logical send.</summary>
public sealed class InAppSenderTests
{
    private readonly ManualTimeProvider clock = new();

    [Fact]
    public async Task Sent_messages_are_listed_newest_first_and_can_be_marked_read()
    {
        var inbox = new InMemoryInAppInbox(clock);
        var sender = new InAppSender(inbox, clock);
        var first = Messages.Create(Channel.InApp, null, (MessageParts.Title, "Welcome"), (MessageParts.Body, "Glad you're here"));
        var second = Messages.Create(Channel.InApp, null, (MessageParts.Title, "Tip"), (MessageParts.Body, "Try reports"));

        var firstId = Assert.IsType<Delivered>(await sender.SendAsync(first, CancellationToken.None)).ProviderMessageId;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<Delivered>(await sender.SendAsync(second, CancellationToken.None));

        var all = await inbox.ListAsync("ws1", "p1", unreadOnly: false, limit: 10, CancellationToken.None);
        Assert.Equal(["Tip", "Welcome"], all.Select(m => m.Title));
        Assert.Equal("Glad you're here", all[1].Body);

        Assert.True(await inbox.MarkReadAsync("ws1", "p1", firstId, CancellationToken.None));
        var unread = await inbox.ListAsync("ws1", "p1", unreadOnly: true, limit: 10, CancellationToken.None);
        Assert.Equal(["Tip"], unread.Select(m => m.Title));
        var read = (await inbox.ListAsync("ws1", "p1", false, 10, CancellationToken.None)).Single(m => m.Id == firstId);
        Assert.Equal(clock.GetUtcNow(), read.ReadAt);
    }

    [Fact]
    public async Task The_same_send_twice_is_one_message()
    {
        var inbox = new InMemoryInAppInbox(clock);
        var sender = new InAppSender(inbox, clock);
        var message = Messages.Create(Channel.InApp, null, (MessageParts.Title, "Welcome"));

        var a = await sender.SendAsync(message, CancellationToken.None);
        var b = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(a, b);
        Assert.Single(await inbox.ListAsync("ws1", "p1", false, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Marking_another_persons_message_read_does_nothing()
    {
        var inbox = new InMemoryInAppInbox(clock);
        var id = Assert.IsType<Delivered>(await new InAppSender(inbox, clock).SendAsync(
            Messages.Create(Channel.InApp, null, (MessageParts.Title, "Welcome")), CancellationToken.None)).ProviderMessageId;

        Assert.False(await inbox.MarkReadAsync("ws1", "someone-else", id, CancellationToken.None));
        Assert.Single(await inbox.ListAsync("ws1", "p1", unreadOnly: true, 10, CancellationToken.None));
    }
}
