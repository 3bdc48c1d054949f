using System.Text;

namespace Trellis.Templates.Rendering;

/// <summary>
/// Collects rendered text and throws <see cref="OutputLimitExceededException"/> as soon as it passes the cap
/// (counted in UTF-8 bytes, as it will be sent), so an <c>{{#each}}</c> over a huge list stops early instead of
/// building megabytes first.
/// </summary>
internal sealed class BoundedTextWriter(int maxBytes) : TextWriter
{
    private readonly StringBuilder _text = new();
    private long _bytes;

    public bool LimitExceeded { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        Count(value < 0x80 ? 1 : value < 0x800 || char.IsSurrogate(value) ? 2 : 3);
        _text.Append(value);
    }

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Write(value.AsSpan());
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(Encoding.UTF8.GetByteCount(buffer));
        _text.Append(buffer);
    }

    public override string ToString() => _text.ToString();

    private void Count(int bytes)
    {
        _bytes += bytes;
        if (_bytes > maxBytes)
        {
            LimitExceeded = true;
            throw new OutputLimitExceededException(maxBytes);
        }
    }
}
