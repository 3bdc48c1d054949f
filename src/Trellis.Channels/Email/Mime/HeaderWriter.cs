using System.Buffers;
using System.Buffers.Text;
using System.Net.Mail;
using System.Text;

namespace Trellis.Channels.Email.Mime;

/// <summary>
/// Writes header fields as 7-bit ASCII: text with anything outside printable ASCII becomes RFC 2047 encoded
/// words (UTF-8, base64, at most 75 characters each, one per folded line, never splitting a character);
/// addresses are written as <c>"display name" &lt;addr-spec&gt;</c>, with an encoded display name when needed
/// and the domain in its ASCII (punycode) form.
/// </summary>
internal static class HeaderWriter
{
    // "=?utf-8?B?" + "?=" leave 63 characters of base64 in a 75-character word: 45 bytes of UTF-8 at most.
    private const int MaxBytesPerWord = 45;
    private const int MaxPlainLine = 998;

    public static void Text(IBufferWriter<byte> output, string name, string value)
    {
        Ascii(output, name);
        Ascii(output, ": ");
        if (IsPlain(value) && name.Length + 2 + value.Length <= MaxPlainLine)
        {
            Ascii(output, value);
        }
        else
        {
            EncodedWords(output, value);
        }

        Ascii(output, "\r\n");
    }

    public static void Address(IBufferWriter<byte> output, string name, MailAddress address)
    {
        Ascii(output, name);
        Ascii(output, ": ");
        if (!string.IsNullOrEmpty(address.DisplayName))
        {
            if (IsPlain(address.DisplayName))
            {
                Ascii(output, "\"");
                Ascii(output, address.DisplayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal));
                Ascii(output, "\"");
            }
            else
            {
                EncodedWords(output, address.DisplayName);
            }

            Ascii(output, " ");
        }

        Ascii(output, "<");
        Ascii(output, AsciiAddress(address));
        Ascii(output, ">\r\n");
    }

    /// <summary>The address as sent on the wire: IDN domains in punycode; null when the local part is not ASCII (that needs SMTPUTF8).</summary>
    public static string? TryAsciiAddress(MailAddress address)
    {
        if (!IsPlain(address.User))
        {
            return null;
        }

        return IsPlain(address.Host) ? address.Address : $"{address.User}@{new System.Globalization.IdnMapping().GetAscii(address.Host)}";
    }

    public static void Ascii(IBufferWriter<byte> output, string text) => Ascii(output, text.AsSpan());

    public static void Ascii(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }

    private static string AsciiAddress(MailAddress address) =>
        TryAsciiAddress(address) ?? throw new InvalidOperationException($"'{address.Address}' needs SMTPUTF8");

    private static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static void EncodedWords(IBufferWriter<byte> output, string value)
    {
        Span<byte> chunk = stackalloc byte[MaxBytesPerWord];
        var rest = value.AsSpan();
        var first = true;
        while (!rest.IsEmpty)
        {
            // Take as many whole characters (surrogate pairs together) as fit in one word.
            var take = 0;
            var bytes = 0;
            while (take < rest.Length)
            {
                var width = char.IsHighSurrogate(rest[take]) && take + 1 < rest.Length ? 2 : 1;
                var count = Encoding.UTF8.GetByteCount(rest.Slice(take, width));
                if (bytes + count > MaxBytesPerWord)
                {
                    break;
                }

                bytes += count;
                take += width;
            }

            Encoding.UTF8.GetBytes(rest[..take], chunk);
            if (!first)
            {
                Ascii(output, "\r\n ");
            }

            Ascii(output, "=?utf-8?B?");
            var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes));
            Base64.EncodeToUtf8(chunk[..bytes], span, out _, out var written);
            output.Advance(written);
            Ascii(output, "?=");
            rest = rest[take..];
            first = false;
        }
    }
}
