using Trellis.Channels.DirectMail;
using Trellis.Channels.Email;
using Trellis.Channels.InApp;
using Trellis.Channels.Network;
using Trellis.Channels.Push;
using Trellis.Channels.Resilience;
using Trellis.Channels.Sms;
using Trellis.Channels.Tasks;
using Trellis.Channels.Webhooks;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Configuration;

/// <summary>
/// Wires every channel: network senders (email, sms, push, webhook, task) behind their own
/// <see cref="ResilientChannelSender"/>; local ones (direct mail, in-app) as they are.
/// </summary>
public static class ChannelSenderFactory
{
    public static ChannelRouter Create(ChannelsOptions options, ChannelDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        var time = dependencies.Time;
        var providerClient = dependencies.ProviderClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var guard = new NetworkTargetGuard(options.Webhooks.ToPolicy(), dependencies.Resolver);
        var poster = new SignedJsonPoster(options.Webhooks, guard, SignedJsonPoster.CreateGuardedClient(guard), time);
        var pushTokens = dependencies.PushTokens ?? new StaticAccessTokenSource(options.Push.AccessToken);

        IChannelSender Resilient(IChannelSender sender, string provider, Func<OutboundMessage, string>? partition = null) =>
            new ResilientChannelSender(sender, provider, options.ResilienceFor(provider), time, partition);

        return new ChannelRouter(new Dictionary<Channel, IChannelSender>
        {
            [Channel.Email] = Resilient(new SmtpEmailSender(options.Smtp, time, dependencies.SmtpPool), "smtp"),
            [Channel.Sms] = Resilient(new TwilioSmsSender(options.Sms, providerClient, time), "sms"),
            [Channel.Push] = Resilient(new FcmPushSender(options.Push, providerClient, pushTokens, time), "push"),
            [Channel.Webhook] = Resilient(new WebhookSender(poster), "webhook", WebhookHost),
            [Channel.Task] = Resilient(new TaskSender(options.Tasks, poster), "task"),
            [Channel.DirectMail] = new DirectMailSender(options.DirectMail, time),
            [Channel.InApp] = new InAppSender(dependencies.Inbox, time),
        });
    }

    /// <summary>Webhooks go to many customers' endpoints: one circuit and rate limit per host.</summary>
    private static string WebhookHost(OutboundMessage message) =>
        Uri.TryCreate(message.Part(MessageParts.Url), UriKind.Absolute, out var url) ? url.Authority.ToLowerInvariant() : "";
}
