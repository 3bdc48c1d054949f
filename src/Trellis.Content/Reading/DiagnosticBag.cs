using Trellis.Core.Journeys;

namespace Trellis.Content.Reading;

/// <summary>Collects the diagnostics of one file, so readers only have to say the line.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _items = [];

    public string File { get; } = file;

    public IReadOnlyList<Diagnostic> Items => _items;

    public int Count => _items.Count;

    public void Report(int line, string message) => _items.Add(new Diagnostic(new SourceLocation(File, line), message));

    public SourceLocation At(int line) => new(File, line);
}
