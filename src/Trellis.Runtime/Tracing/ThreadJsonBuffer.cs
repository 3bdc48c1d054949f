using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Trellis.Runtime.Tracing;

/// <summary>
/// One JSON writer and buffer per thread for the short texts written on the engine's hot path (every trace line,
/// every person's traits at each commit): a new MemoryStream, writer and byte arrays per text were a fifth of a
/// timers run's allocations. Default writer options, so the text is the same as before. Not reentrant: what runs
/// between <see cref="Start"/> and <see cref="Finish"/> must not start another text on the same thread.
/// </summary>
internal static class ThreadJsonBuffer
{
    // A rare huge text should not pin its buffer to the thread for good.
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static Utf8JsonWriter Start()
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        return writer;
    }

    public static string Finish()
    {
        var buffer = _buffer!;
        _writer!.Flush();
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > KeptCapacity)
        {
            _buffer = null;
            _writer = null;
        }

        return text;
    }
}
