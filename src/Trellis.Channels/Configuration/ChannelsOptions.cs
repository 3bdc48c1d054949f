using Trellis.Channels.DirectMail;
using Trellis.Channels.Email;
using Trellis.Channels.Push;
using Trellis.Channels.Resilience;
using Trellis.Channels.Sms;
using Trellis.Channels.Tasks;
using Trellis.Channels.Tokens;
using Trellis.Channels.Webhooks;

namespace Trellis.Channels.Configuration;

/// <summary>
/// Everything the channel layer reads from configuration. Property names follow the <c>Trellis</c>
/// section, so binding that section fills it: <c>Trellis:Smtp:Host</c>, <c>Trellis:Sms:BaseUrl</c>,
/// <c>Trellis:Push:BaseUrl</c>, <c>Trellis:Webhooks:SigningSecret</c>, <c>Trellis:Tasks:Url</c>,
/// <c>Trellis:DirectMail:Folder</c>, <c>Trellis:Resilience:{provider}:MaxRetryAttempts</c>,
/// <c>Trellis:Tokens:CurrentKeyId</c>, …
/// </summary>
public sealed class ChannelsOptions
{
    public SmtpOptions Smtp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public PushOptions Push { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public TaskOptions Tasks { get; set; } = new();

    public DirectMailOptions DirectMail { get; set; } = new();

    /// <summary>Per provider: smtp, sms, push, webhook, task. A provider not listed gets the defaults.</summary>
    public Dictionary<string, ResilienceOptions> Resilience { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TokenOptions Tokens { get; set; } = new();

    public ResilienceOptions ResilienceFor(string provider) =>
        Resilience.TryGetValue(provider, out var options) ? options : new ResilienceOptions();
}
