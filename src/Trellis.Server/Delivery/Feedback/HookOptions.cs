namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Configuration section <c>Trellis:Hooks</c>: how provider feedback posts to <c>/hooks/{provider}</c> are
/// authenticated. Twilio is verified with its own signature (<c>Trellis:Sms:AuthToken</c>); SendGrid with its ECDSA
/// signature when <see cref="SendGridVerificationKey"/> is set; SES through the Amazon SNS signature of every message
/// (<see cref="Sns"/>), plus <see cref="Secret"/> when that is set. Postmark does not sign what it posts, so it (and
/// SendGrid without a key, and SES with signature verification off) must present <see cref="Secret"/>: as
/// <c>?key=…</c> in the hook URL or as the password of HTTP Basic auth. A hook that cannot be authenticated is
/// refused: a forged bounce or opt-out would silence real people.
/// </summary>
public sealed class HookOptions
{
    public const string SectionName = "Trellis:Hooks";

    public string? Secret { get; set; }

    /// <summary>SendGrid's event webhook verification key (base64 SubjectPublicKeyInfo, as SendGrid shows it).</summary>
    public string? SendGridVerificationKey { get; set; }

    /// <summary>Visit SNS SubscribeURLs (https, *.amazonaws.com only) so an SES topic can be subscribed without a console.</summary>
    public bool ConfirmSnsSubscriptions { get; set; } = true;

    /// <summary>SNS signature verification for <c>/hooks/ses</c> (section <c>Trellis:Hooks:Sns</c>).</summary>
    public SnsOptions Sns { get; set; } = new();

    /// <summary>How long a provider event id is remembered to drop redeliveries.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(30);
}
