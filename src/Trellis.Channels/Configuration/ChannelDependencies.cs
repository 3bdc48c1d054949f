using Trellis.Channels.InApp;
using Trellis.Channels.Network;
using Trellis.Channels.Push;

namespace Trellis.Channels.Configuration;

/// <summary>What the host supplies to the channel layer besides configuration.</summary>
public sealed class ChannelDependencies
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the SMTP session pool counts its sessions (read by /metrics); a private one when null.</summary>
    public Email.Smtp.SmtpPoolStats? SmtpPool { get; init; }

    /// <summary>The in-app inbox on the server's storage.</summary>
    public required IInAppInbox Inbox { get; init; }

    /// <summary>Client for provider APIs (SMS, push); one is created when null. Its own timeout should be infinite: attempts time out in the resilience layer.</summary>
    public HttpClient? ProviderClient { get; init; }

    /// <summary>Bearer tokens for push; a fixed <c>Push:AccessToken</c> when null.</summary>
    public IAccessTokenSource? PushTokens { get; init; }

    public IHostResolver Resolver { get; init; } = SystemHostResolver.Instance;
}
