namespace Trellis.Core.Journeys;

/// <summary>Where a definition came from, so that every message can say file:line.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
