using System.Text.Json;
using Trellis.Core.Engine.Effects;

namespace Trellis.Runtime.Tracing;

/// <summary>Writes a trace as JSON Lines to a file, one effect a line, as they come.</summary>
public sealed class TraceFileWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;

    public TraceFileWriter(string path)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new Utf8JsonWriter(_stream);
    }

    public void Write(in Effect effect)
    {
        TraceLine.Write(_writer, effect);
        _writer.Flush();
        _writer.Reset();
        _stream.Write(NewLine);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
