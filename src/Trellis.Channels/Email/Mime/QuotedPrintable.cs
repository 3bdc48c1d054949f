using System.Buffers;
using System.Text;

namespace Trellis.Channels.Email.Mime;

/// <summary>
/// Quoted-printable body encoding (RFC 2045 §6.7) of UTF-8 text: line breaks of any kind become CRLF hard
/// breaks, lines are soft-broken before 76 characters, and a dot that starts a line is encoded so the SMTP
/// data never needs dot-stuffing for bodies. Output is pure 7-bit ASCII.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 76;
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    public static void Write(string text, IBufferWriter<byte> output)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            Encode(bytes.AsSpan(0, length), output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void Encode(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        // Worst case: every byte as =XX plus a soft break every 25 bytes. Encoded straight into the output, which
        // is a pooled buffer on the send path: asking for the worst case costs nothing there.
        var worst = (input.Length * 3) + (((input.Length / 24) + 2) * 3);
        var length = Encode(input, output.GetSpan(worst));
        output.Advance(length);
    }

    private static int Encode(ReadOnlySpan<byte> input, Span<byte> span)
    {
        var at = 0;
        var column = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == (byte)'\r' || b == (byte)'\n')
            {
                if (b == (byte)'\r' && i + 1 < input.Length && input[i + 1] == (byte)'\n')
                {
                    i++;
                }

                span[at++] = (byte)'\r';
                span[at++] = (byte)'\n';
                column = 0;
                continue;
            }

            var atLineEnd = i + 1 == input.Length || input[i + 1] == (byte)'\r' || input[i + 1] == (byte)'\n';
            var literal = b is >= 33 and <= 126 and not (byte)'='
                          && !(b == (byte)'.' && column == 0)
                          || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
            var width = literal ? 1 : 3;
            // Leave room for the "=" of a soft break; the last character of a line may use the full width.
            if (column + width > (atLineEnd ? MaxLine : MaxLine - 1))
            {
                span[at++] = (byte)'=';
                span[at++] = (byte)'\r';
                span[at++] = (byte)'\n';
                column = 0;
                if (b == (byte)'.')
                {
                    literal = false;
                    width = 3;
                }
            }

            if (literal)
            {
                span[at++] = b;
            }
            else
            {
                span[at++] = (byte)'=';
                span[at++] = Hex[b >> 4];
                span[at++] = Hex[b & 0xF];
            }

            column += width;
        }

        return at;
    }
}
