namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Configuration section <c>Trellis:Hooks:Sns</c>: how SES feedback, which Amazon SNS delivers and signs, is
/// verified at <c>/hooks/ses</c>. See docs/delivery.md.
/// </summary>
public sealed class SnsOptions
{
    /// <summary>
    /// Every post to <c>/hooks/ses</c> must be an SNS message with a valid signature (the default). Off: only the
    /// hook secret is checked, and raw SES JSON is accepted too (for a forwarder that is not SNS).
    /// </summary>
    public bool VerifySignatures { get; set; } = true;

    /// <summary>
    /// The SNS topics SES publishes to. A valid signature proves only that some AWS account's topic sent the
    /// message, so with none listed the hook secret is required instead (with both, both are checked).
    /// </summary>
    public string[] TopicArns { get; set; } = [];

    /// <summary>
    /// A message published longer ago than this is refused, which bounds replays of a captured message. SNS retries
    /// an HTTP delivery for at most an hour (a hard limit), keeping the message's original Timestamp.
    /// </summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far in the future a Timestamp may be (our clock against AWS's).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long fetching a signing certificate may take before the post is answered 503 (SNS retries 5xx).</summary>
    public TimeSpan CertificateFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Signing certificates kept in memory, by URL (SNS uses one or a few per region at a time).</summary>
    public int CertificateCacheSize { get; set; } = 32;
}
