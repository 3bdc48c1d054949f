using Trellis.Measurement.Statistics;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>One experiment arm (holdout, messaged, or a split variant): entrants, conversions and revenue.</summary>
internal sealed class ArmCounters(string name)
{
    public string Name { get; } = name;

    public long Entrants { get; set; }

    public long Conversions { get; private set; }

    public double Revenue { get; private set; }

    public double RevenueSquares { get; private set; }

    public void Convert(double value)
    {
        Conversions++;
        Revenue += value;
        RevenueSquares += value * value;
    }

    /// <summary>Revenue per entrant, non-converters counting 0: what Welch's test compares.</summary>
    public ArmCounts ToCounts() => new(Name, Entrants, Math.Min(Conversions, Entrants), new SampleSummary(Entrants, Revenue, RevenueSquares));
}
