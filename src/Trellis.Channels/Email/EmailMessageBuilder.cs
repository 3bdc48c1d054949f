using System.Net.Mail;
using Trellis.Channels.Email.Mime;

namespace Trellis.Channels.Email;

/// <summary>
/// Turns an <see cref="OutboundMessage"/> into an <see cref="EmailContent"/>: text and HTML (a missing one
/// derived from the other), a Message-ID stable across retries, and RFC 8058 one-click unsubscribe headers on
/// marketing mail. Returns a failure instead when the message cannot be sent as is — before any connection.
/// </summary>
public static class EmailMessageBuilder
{
    public static (EmailContent? Email, DeliveryFailed? Failure) Build(OutboundMessage message, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        if (FromAddress(options.From) is not { } from)
        {
            return Fail(FailureReason.Misconfigured, $"Smtp:From '{options.From}' is not an email address");
        }

        if (!TryParseAddress(message.Address, out var to))
        {
            return Fail(FailureReason.InvalidAddress, $"'{message.Address}' is not an email address");
        }

        if (HeaderWriter.TryAsciiAddress(to!) is null)
        {
            return Fail(FailureReason.InvalidAddress, $"'{message.Address}' has a non-ASCII local part, which needs SMTPUTF8");
        }

        var subject = message.Part(MessageParts.Subject);
        var givenHtml = message.Part(MessageParts.Html);
        var givenText = message.Part(MessageParts.Text);
        if (subject is null || (givenHtml is null && givenText is null))
        {
            return Fail(FailureReason.InvalidContent, "an email needs a subject and an html or text part");
        }

        // Gmail/Yahoo bulk-sender rules: marketing mail without one-click unsubscribe hurts every
        // later send, so it is refused here rather than sent non-compliant.
        if (message.IsMarketing && message.UnsubscribeUrl is not { Scheme: "https" })
        {
            return Fail(FailureReason.InvalidContent, "a marketing email needs an https unsubscribe URL (RFC 8058)");
        }

        var headers = new List<KeyValuePair<string, string>>(message.Headers.Count + 2);
        foreach (var (name, value) in message.Headers)
        {
            if (!EmailHeaders.IsReserved(name) && IsHeaderName(name) && !value.AsSpan().ContainsAny('\r', '\n'))
            {
                headers.Add(new(name, value));
            }
        }

        if (message.IsMarketing)
        {
            headers.Add(new(EmailHeaders.ListUnsubscribe, $"<{message.UnsubscribeUrl!.AbsoluteUri}>"));
            headers.Add(new(EmailHeaders.ListUnsubscribePost, EmailHeaders.OneClickValue));
        }

        return (new EmailContent
        {
            From = from,
            To = to!,
            // A subject is one line; a template that rendered line breaks into it must not inject headers.
            Subject = subject.ReplaceLineEndings(" ").Trim(),
            // Both parts, always: the one the template left out is derived from the other.
            Text = givenText ?? HtmlToText.Convert(givenHtml!),
            Html = givenHtml ?? TextToHtml.Convert(givenText!),
            MessageId = $"<{StableIds.From(message.IdempotencyKey)}@{MessageIdDomain(options, from)}>",
            Headers = headers,
        }, null);
    }

    // The sender is the same for every message: parse and check it once per configured value, not per send.
    private static Tuple<string?, MailAddress?>? _lastFrom;

    /// <summary>The configured sender, parsed; null when it is not an address that can go out without SMTPUTF8.</summary>
    private static MailAddress? FromAddress(string? configured)
    {
        if (_lastFrom is { } cached && ReferenceEquals(cached.Item1, configured))
        {
            return cached.Item2;
        }

        var parsed = TryParseAddress(configured, out var from) && HeaderWriter.TryAsciiAddress(from!) is not null ? from : null;
        _lastFrom = Tuple.Create(configured, parsed);
        return parsed;
    }

    private static (EmailContent?, DeliveryFailed?) Fail(FailureReason reason, string detail) =>
        (null, new DeliveryFailed(reason, detail));

    private static bool TryParseAddress(string? text, out MailAddress? address)
    {
        address = null;
        return !string.IsNullOrWhiteSpace(text) && MailAddress.TryCreate(text, out address);
    }

    private static string MessageIdDomain(SmtpOptions options, MailAddress from) =>
        string.IsNullOrWhiteSpace(options.MessageIdDomain) ? from.Host : options.MessageIdDomain.Trim();

    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => c is > ' ' and < '\x7f' and not ':');
}
