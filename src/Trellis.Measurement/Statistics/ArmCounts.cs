namespace Trellis.Measurement.Statistics;

/// <summary>What one arm of a comparison contributes: entrants, conversions and revenue per entrant (0 for non-converters).</summary>
public sealed record ArmCounts(string Name, long Entrants, long Conversions, SampleSummary Revenue)
{
    public double Rate => Entrants == 0 ? 0 : (double)Conversions / Entrants;
}
