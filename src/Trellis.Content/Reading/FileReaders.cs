namespace Trellis.Content.Reading;

/// <summary>The readers one file needs, sharing its diagnostics.</summary>
internal sealed class FileReaders(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public NodeReader Nodes { get; } = new(diagnostics);

    public TimeReader Times { get; } = new(diagnostics);

    public ChannelReader Channels { get; } = new(diagnostics);

    public ExpressionReader Expressions { get; } = new(diagnostics);

    public void Report(int line, string message) => Diagnostics.Report(line, message);
}
