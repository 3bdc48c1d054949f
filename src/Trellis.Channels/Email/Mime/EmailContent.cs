using System.Net.Mail;

namespace Trellis.Channels.Email.Mime;

/// <summary>
/// A checked email, ready to be written as MIME: both bodies present, addresses parsed, headers vetted
/// (no reserved names, no line breaks). <see cref="EmailMessageBuilder"/> is the only producer.
/// </summary>
public sealed record EmailContent
{
    public required MailAddress From { get; init; }

    public required MailAddress To { get; init; }

    public required string Subject { get; init; }

    public required string Text { get; init; }

    public required string Html { get; init; }

    /// <summary>With angle brackets, e.g. <c>&lt;abc@acme.example&gt;</c>.</summary>
    public required string MessageId { get; init; }

    /// <summary>Headers in the order they are written, after From/To/Subject/Date/Message-ID.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }
}
