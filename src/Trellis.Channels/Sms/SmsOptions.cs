namespace Trellis.Channels.Sms;

/// <summary>Configuration section <c>Trellis:Sms</c>: a Twilio-compatible Messages API.</summary>
public sealed class SmsOptions
{
    /// <summary>The API root; Twilio's is https://api.twilio.com. Paths are appended to it.</summary>
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>Sending number (E.164). Either this or <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }

    /// <summary>A Messaging Service; Twilio then picks the sending number. Wins over <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Where Twilio reports delivery status (our POST /hooks/twilio), if anywhere.</summary>
    public string? StatusCallbackUrl { get; set; }
}
