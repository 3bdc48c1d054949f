using Trellis.Core.Journeys;

namespace Trellis.Content;

/// <summary>One validation problem, printed the way editors and CI logs understand: <c>file:line: message</c>.</summary>
public sealed record Diagnostic(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location.File}:{Location.Line}: {Message}";
}
