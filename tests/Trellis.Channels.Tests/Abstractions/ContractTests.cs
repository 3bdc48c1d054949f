using Trellis.Channels.Configuration;
using Trellis.Channels.Email;
using Trellis.Channels.InApp;
using Trellis.Channels.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.Abstractions;

/// <summary>The shared pieces: idempotency keys, failure classes, routing and wiring.</summary>
public sealed class ContractTests
{
    [Fact]
    public void Idempotency_keys_escape_their_separator_so_different_sends_never_collide()
    {
        var a = new IdempotencyKey("ws", "a/b", "i", "s");
        var b = new IdempotencyKey("ws", "a", "b/i", "s");

        Assert.Equal("ws/a%2Fb/i/s", a.Value);
        Assert.NotEqual(a.Value, b.Value);
        Assert.NotEqual(StableIds.From(a), StableIds.From(b));
        Assert.Equal(StableIds.From(a), StableIds.From(new IdempotencyKey("ws", "a/b", "i", "s")));
    }

    [Fact]
    public void Failure_reasons_split_into_transient_and_permanent()
    {
        FailureReason[] transient = [FailureReason.Timeout, FailureReason.RateLimited, FailureReason.ProviderUnavailable, FailureReason.ConnectionFailed, FailureReason.CircuitOpen];

        Assert.All(Enum.GetValues<FailureReason>(), r => Assert.Equal(transient.Contains(r), r.IsTransient()));
        Assert.Equal("circuit_open", FailureReason.CircuitOpen.Name());
    }

    [Fact]
    public async Task The_router_sends_each_channel_to_its_sender_and_reports_a_missing_one()
    {
        var sms = new CountingSender();
        var router = new ChannelRouter(new Dictionary<Channel, IChannelSender> { [Channel.Sms] = sms });

        Assert.IsType<Delivered>(await router.SendAsync(Messages.Sms(), CancellationToken.None));
        var failed = Assert.IsType<DeliveryFailed>(await router.SendAsync(Messages.Push(), CancellationToken.None));

        Assert.Equal(1, sms.Calls);
        Assert.Equal(FailureReason.Misconfigured, failed.Reason);
    }

    [Fact]
    public async Task The_factory_wires_every_channel_and_a_sender_handed_the_wrong_channel_fails_cleanly()
    {
        var clock = new ManualTimeProvider();
        var router = ChannelSenderFactory.Create(new ChannelsOptions(), new ChannelDependencies { Time = clock, Inbox = new InMemoryInAppInbox(clock) });

        Assert.Equal(Enum.GetValues<Channel>().Order(), router.Channels.Order());
        var wrong = Assert.IsType<DeliveryFailed>(await new SmtpEmailSender(new SmtpOptions()).SendAsync(Messages.Sms(), CancellationToken.None));
        Assert.Equal(FailureReason.Misconfigured, wrong.Reason);
    }

    [Theory]
    [InlineData("<p>Hello&nbsp;<b>world</b></p><p>Second</p>", "Hello world\n\nSecond")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "- one\n- two")]
    [InlineData("line<br>break<br/>again", "line\nbreak\nagain")]
    [InlineData("<script>alert(1)</script><!-- note -->Visible &amp; clear", "Visible & clear")]
    [InlineData("<a href=\"https://x.example.test\">https://x.example.test</a>", "https://x.example.test")]
    public void Html_becomes_readable_text(string html, string expected) =>
        Assert.Equal(expected, HtmlToText.Convert(html));
}
