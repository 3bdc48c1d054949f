using System.Buffers;
using System.Globalization;

namespace Trellis.Channels.Email.Mime;

/// <summary>
/// Writes an <see cref="EmailContent"/> as an RFC 5322 / MIME message: the headers, then multipart/alternative
/// with the text part first and the HTML part second (clients show the last alternative they understand),
/// both UTF-8 quoted-printable. The output is 7-bit, uses CRLF line ends and has no line starting with a dot,
/// so it can go after SMTP DATA as is.
/// </summary>
public static class MimeMessageWriter
{
    public static void Write(EmailContent email, DateTimeOffset date, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(output);
        HeaderWriter.Address(output, "From", email.From);
        HeaderWriter.Address(output, "To", email.To);
        HeaderWriter.Text(output, "Subject", email.Subject);
        HeaderWriter.Text(output, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        HeaderWriter.Text(output, EmailHeaders.MessageId, email.MessageId);
        foreach (var (name, value) in email.Headers)
        {
            HeaderWriter.Text(output, name, value);
        }

        // The boundary comes from the Message-ID's hash part, so it is stable per send and cannot occur in
        // quoted-printable text (which never contains "=_" followed by this run of hex).
        var boundary = "=_trellis_" + Boundary(email.MessageId);
        HeaderWriter.Ascii(output, "MIME-Version: 1.0\r\n");
        HeaderWriter.Ascii(output, $"Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n");
        Part(output, boundary, "text/plain", email.Text);
        Part(output, boundary, "text/html", email.Html);
        HeaderWriter.Ascii(output, $"--{boundary}--\r\n");
    }

    private static void Part(IBufferWriter<byte> output, string boundary, string type, string body)
    {
        HeaderWriter.Ascii(output, $"--{boundary}\r\nContent-Type: {type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        QuotedPrintable.Write(body, output);
        HeaderWriter.Ascii(output, "\r\n");
    }

    private static string Boundary(string messageId)
    {
        var hash = messageId.AsSpan().Trim("<>");
        var at = hash.IndexOf('@');
        return (at > 0 ? hash[..at] : hash).ToString();
    }
}
