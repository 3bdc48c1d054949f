using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Trellis.Channels.Email;

/// <summary>
/// Turns an <see cref="OutboundMessage"/> into a <see cref="MailMessage"/>: text and HTML as
/// multipart/alternative (a missing one derived from the other), a Message-ID stable across retries, and RFC 8058 one-click unsubscribe
/// headers on marketing mail. Returns a failure instead when the message cannot be sent as is.
/// </summary>
public static class EmailMessageBuilder
{
    public static (MailMessage? Mail, string MessageId, DeliveryFailed? Failure) Build(
        OutboundMessage message, SmtpOptions options)
    {
        if (!TryParseAddress(options.From, out var from))
        {
            return Fail(FailureReason.Misconfigured, $"Smtp:From '{options.From}' is not an email address");
        }

        if (!TryParseAddress(message.Address, out var to))
        {
            return Fail(FailureReason.InvalidAddress, $"'{message.Address}' is not an email address");
        }

        var subject = message.Part(MessageParts.Subject);
        var givenHtml = message.Part(MessageParts.Html);
        var givenText = message.Part(MessageParts.Text);
        if (subject is null || (givenHtml is null && givenText is null))
        {
            return Fail(FailureReason.InvalidContent, "an email needs a subject and an html or text part");
        }

        // Both parts, always: the one the template left out is derived from the other.
        var text = givenText ?? HtmlToText.Convert(givenHtml!);
        var html = givenHtml ?? TextToHtml.Convert(givenText!);

        // Gmail/Yahoo bulk-sender rules: marketing mail without one-click unsubscribe hurts every
        // later send, so it is refused here rather than sent non-compliant.
        if (message.IsMarketing && message.UnsubscribeUrl is not { Scheme: "https" })
        {
            return Fail(FailureReason.InvalidContent, "a marketing email needs an https unsubscribe URL (RFC 8058)");
        }

        var messageId = $"<{StableIds.From(message.IdempotencyKey)}@{MessageIdDomain(options, from!)}>";
        var mail = new MailMessage(from!, to!)
        {
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = text,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };

        // Body (text/plain) + one alternate view = multipart/alternative, plainest part first.
        var view = AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        mail.AlternateViews.Add(view);

        foreach (var (name, value) in message.Headers)
        {
            if (!EmailHeaders.IsReserved(name) && IsHeaderName(name) && !value.AsSpan().ContainsAny('\r', '\n'))
            {
                mail.Headers.Add(name, value);
            }
        }

        mail.Headers[EmailHeaders.MessageId] = messageId;
        // No Date header of ours: System.Net.Mail always stamps its own when it sends.
        if (message.IsMarketing)
        {
            mail.Headers[EmailHeaders.ListUnsubscribe] = $"<{message.UnsubscribeUrl!.AbsoluteUri}>";
            mail.Headers[EmailHeaders.ListUnsubscribePost] = EmailHeaders.OneClickValue;
        }

        return (mail, messageId, null);
    }

    private static (MailMessage?, string, DeliveryFailed?) Fail(FailureReason reason, string detail) =>
        (null, "", new DeliveryFailed(reason, detail));

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
