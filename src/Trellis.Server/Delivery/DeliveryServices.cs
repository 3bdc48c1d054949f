using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Trellis.Channels;
using Trellis.Channels.Configuration;
using Trellis.Channels.Email.Smtp;
using Trellis.Channels.InApp;
using Trellis.Channels.Tokens;
using Trellis.Channels.Tracking;
using Trellis.Server.Delivery.Feedback;
using Trellis.Server.Delivery.Guardrails;
using Trellis.Server.Health;
using Trellis.Server.Hosting;
using Trellis.Server.Recipients;

namespace Trellis.Server.Delivery;

/// <summary>
/// Registers the delivery side of the server: channel senders from configuration, recipient tokens and links,
/// the outbox dispatcher, the recipient endpoints' handlers, provider feedback and the guardrails. Needs an
/// <c>ITrellisStore</c>, an <c>IClock</c> and the processing services (<c>WorkspaceContentRegistry</c>; the
/// engine's <c>WorkSignal</c> is used when registered). Map the endpoints with
/// <see cref="RecipientEndpoints.MapTrellisRecipients"/>.
/// </summary>
/// <remarks>
/// Configuration (section <c>Trellis</c>): <c>Smtp:*</c>, <c>Sms:*</c>, <c>Push:*</c>, <c>Webhooks:*</c>,
/// <c>Tasks:Url</c>, <c>DirectMail:Folder</c>, <c>Resilience:{provider}:*</c> (see Trellis.Channels' README);
/// <c>Urls:Public</c>; <c>Tokens:CurrentKeyId</c>, <c>Tokens:Keys:{id}</c>, <c>Tokens:KeyFile</c>;
/// <c>Delivery:*</c> (<see cref="DeliveryOptions"/>); <c>Guardrails:*</c> (<see cref="GuardrailOptions"/>);
/// <c>Hooks:*</c> (<see cref="HookOptions"/>).
/// </remarks>
public static class DeliveryServices
{
    public static IServiceCollection AddTrellisDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var channels = configuration.GetSection(TrellisSettings.SectionName).Get<ChannelsOptions>() ?? new ChannelsOptions();
        services.AddSingleton(channels);
        services.AddSingleton(configuration.GetSection(DeliveryOptions.SectionName).Get<DeliveryOptions>() ?? new DeliveryOptions());
        services.AddSingleton(configuration.GetSection(GuardrailOptions.SectionName).Get<GuardrailOptions>() ?? new GuardrailOptions());
        services.AddSingleton(configuration.GetSection(HookOptions.SectionName).Get<HookOptions>() ?? new HookOptions());
        services.TryAddSingleton(TimeProvider.System);

        // Links and tokens (the composer signs unsubscribe and preference links with them too).
        services.AddSingleton(new PublicBaseUrl(configuration["Trellis:Urls:Public"]));
        services.AddSingleton(sp => new RecipientTokens(
            RecipientTokenKeys.Load(channels.Tokens, KeyFile(configuration, sp.GetRequiredService<IHostEnvironment>().ContentRootPath)),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RecipientLinks(sp.GetRequiredService<PublicBaseUrl>().LinkOptions, sp.GetRequiredService<RecipientTokens>()));
        services.AddHostedService<PublicUrlFromServer>();

        // Channels: every sender behind one router, network ones with retries, breaker and rate limit.
        services.TryAddSingleton<IInAppInbox, StoredInAppInbox>();
        services.TryAddSingleton<SmtpPoolStats>();
        services.TryAddSingleton<IChannelSender>(sp => ChannelSenderFactory.Create(channels, new ChannelDependencies
        {
            Time = sp.GetRequiredService<TimeProvider>(),
            Inbox = sp.GetRequiredService<IInAppInbox>(),
            SmtpPool = sp.GetRequiredService<SmtpPoolStats>(),
        }));

        // The outbox dispatcher.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DeliveryStats>();
        services.AddSingleton<IExposedMetric, DeliveryMetrics>();
        services.AddSingleton<SentMessageIndex>(_ => new SentMessageIndex());
        services.AddSingleton<OutboundMessageFactory>();
        services.AddSingleton<DispatchGuard>();
        services.AddSingleton<OutboxMarkBatcher>();
        services.AddSingleton<OutboxEntryDelivery>();
        services.AddSingleton<GuardrailMonitor>();

        // Before the dispatcher: hosted services stop in reverse order, so the last flush sees its last sends.
        services.AddHostedService<GuardrailFlusher>();
        services.AddHostedService<OutboxDispatcher>();

        // What recipients and providers tell us.
        services.AddSingleton<ConsentWriter>();
        services.AddSingleton<EngagementRecorder>();
        services.AddSingleton<JourneyTopics>();
        services.AddSingleton<RecipientTokenGate>();
        services.AddSingleton<UnsubscribeHandler>();
        services.AddSingleton<PreferencesHandler>();
        services.AddSingleton<TrackingHandler>();
        services.AddSingleton<ContactDirectory>();
        services.TryAddSingleton(SnsCertificateOrigin.Amazon);
        services.TryAddSingleton<ISnsCertificateSource>(sp => new HttpSnsCertificateSource(sp.GetRequiredService<HookOptions>().Sns));
        services.AddSingleton<SnsMessageVerifier>();
        services.AddSingleton<HookAuthenticator>();
        services.AddSingleton<SnsSubscriptionConfirmer>();
        services.AddSingleton<FeedbackProcessor>();
        services.AddSingleton<FeedbackHookHandler>();
        return services;
    }

    /// <summary><c>Trellis:Tokens:KeyFile</c>, else beside the SQLite database, else under <c>./data</c>.</summary>
    private static string KeyFile(IConfiguration configuration, string contentRoot)
    {
        if (configuration["Trellis:Tokens:KeyFile"] is { Length: > 0 } configured)
        {
            return Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured);
        }

        var storage = configuration.GetSection("Trellis:Storage").Get<StorageSettings>() ?? new StorageSettings();
        var folder = storage.Provider.Trim().ToLowerInvariant() is "" or "sqlite"
            ? Path.GetDirectoryName(StoreOpener.SqlitePath(storage.ConnectionString, contentRoot))!
            : Path.Combine(contentRoot, "data");
        return Path.Combine(folder, RecipientTokenKeys.FileName);
    }
}
