namespace Trellis.Measurement.Simulation.Html;

/// <summary>One labelled bar made of segments (one segment for a plain bar), with an optional note at its end.</summary>
public sealed record BarRow(string Label, IReadOnlyList<BarSegment> Segments, string? Note = null)
{
    public double Total => Segments.Sum(s => s.Value);
}
