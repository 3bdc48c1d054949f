using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.Support;

/// <summary>Outbound messages for tests.</summary>
public static class Messages
{
    private static int counter;

    public static IdempotencyKey NewKey(string person = "p1") =>
        new("ws1", person, $"inst-{Interlocked.Increment(ref counter)}", "welcome");

    public static OutboundMessage Create(Channel channel, string? address, params (string Name, string Value)[] parts) => new()
    {
        Workspace = "ws1",
        PersonId = "p1",
        Channel = channel,
        IdempotencyKey = NewKey(),
        Parts = parts.ToDictionary(p => p.Name, p => p.Value),
        Address = address,
    };

    public static OutboundMessage Sms(string body = "Your code is 1234", string phone = "+14155550100") =>
        Create(Channel.Sms, phone, (MessageParts.Body, body));

    public static OutboundMessage Push(string title = "Hello", string body = "Welcome back") =>
        Create(Channel.Push, "device-token-abc", (MessageParts.Title, title), (MessageParts.Body, body));

    public static OutboundMessage Webhook(string url, string body = "{\"event\":\"trial_started\",\"plan\":\"pro\"}") =>
        Create(Channel.Webhook, null, (MessageParts.Url, url), (MessageParts.Body, body));
}
