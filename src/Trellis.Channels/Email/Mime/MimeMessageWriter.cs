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
        HeaderWriter.Text(output, "Date", DateText(date));
        HeaderWriter.Text(output, EmailHeaders.MessageId, email.MessageId);
        foreach (var (name, value) in email.Headers)
        {
            HeaderWriter.Text(output, name, value);
        }

        // The boundary comes from the Message-ID's hash part, so it is stable per send and cannot occur in
        // quoted-printable text (which never contains "=_" followed by this run of hex).
        var boundary = Boundary(email.MessageId);
        HeaderWriter.Ascii(output, "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"");
        HeaderWriter.Ascii(output, boundary);
        HeaderWriter.Ascii(output, "\"\r\n\r\n");
        Part(output, boundary, "--", "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", email.Text);
        Part(output, boundary, "--", "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", email.Html);
        HeaderWriter.Ascii(output, "--");
        HeaderWriter.Ascii(output, boundary);
        HeaderWriter.Ascii(output, "--\r\n");
    }

    private static void Part(IBufferWriter<byte> output, ReadOnlySpan<char> boundary, string before, string headers, string body)
    {
        HeaderWriter.Ascii(output, before);
        HeaderWriter.Ascii(output, boundary);
        HeaderWriter.Ascii(output, headers);
        QuotedPrintable.Write(body, output);
        HeaderWriter.Ascii(output, "\r\n");
    }

    /// <summary>"=_trellis_" and the Message-ID's part before the "@", without its angle brackets.</summary>
    private static ReadOnlySpan<char> Boundary(string messageId)
    {
        var hash = messageId.AsSpan().Trim("<>");
        var at = hash.IndexOf('@');
        var id = at > 0 ? hash[..at] : hash;
        var boundary = new char[BoundaryPrefix.Length + id.Length];
        BoundaryPrefix.CopyTo(boundary);
        id.CopyTo(boundary.AsSpan(BoundaryPrefix.Length));
        return boundary;
    }

    private const string BoundaryPrefix = "=_trellis_";

    // Every message of one second carries the same Date text: format it once per second, not per message.
    private static Tuple<long, string>? _lastDate;

    private static string DateText(DateTimeOffset date)
    {
        var utc = date.ToUniversalTime();
        var second = utc.UtcTicks / TimeSpan.TicksPerSecond;
        if (_lastDate is { } cached && cached.Item1 == second)
        {
            return cached.Item2;
        }

        var text = utc.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        _lastDate = Tuple.Create(second, text);
        return text;
    }
}
