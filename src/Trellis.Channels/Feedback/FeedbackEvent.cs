using Trellis.Core.Journeys;

namespace Trellis.Channels.Feedback;

/// <summary>One provider event, normalised: what happened, on which channel, to which address, about which message.</summary>
public sealed record FeedbackEvent
{
    public required FeedbackKind Kind { get; init; }

    public required Channel Channel { get; init; }

    /// <summary>twilio, ses, sendgrid, postmark.</summary>
    public required string Provider { get; init; }

    /// <summary>The email address or phone number concerned (a suppression applies to it).</summary>
    public string? Address { get; init; }

    /// <summary>The provider's id of the message, matching <see cref="Delivered.ProviderMessageId"/> where the provider gave one.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The Message-ID header of the email, when the provider reports it (SES does): matches what SMTP sends returned.</summary>
    public string? MessageIdHeader { get; init; }

    /// <summary>Unique per provider event and stable across redeliveries of the same webhook: store it to de-duplicate.</summary>
    public required string ProviderEventId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>For clicks: the URL clicked.</summary>
    public string? Url { get; init; }

    /// <summary>Provider detail worth keeping (bounce type, diagnostic, keyword).</summary>
    public string? Detail { get; init; }
}
