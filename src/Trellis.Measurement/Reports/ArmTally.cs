using Trellis.Measurement.Statistics;

namespace Trellis.Measurement.Reports;

/// <summary>
/// One arm (holdout control or treatment, or a split variant): entrants and conversions, and revenue per entrant
/// as an exact decimal sum and sum of squares, so that arms merged in any order give the same bytes.
/// </summary>
public sealed class ArmTally(string name)
{
    public string Name { get; } = name;

    public long Entrants { get; set; }

    public long Conversions { get; set; }

    public long LateConversions { get; set; }

    public decimal Revenue { get; set; }

    public decimal RevenueSquares { get; set; }

    public void Convert(decimal value, bool late)
    {
        Conversions++;
        LateConversions += late ? 1 : 0;
        Revenue += value;
        RevenueSquares += value * value;
    }

    public void Merge(ArmTally other)
    {
        Entrants += other.Entrants;
        Conversions += other.Conversions;
        LateConversions += other.LateConversions;
        Revenue += other.Revenue;
        RevenueSquares += other.RevenueSquares;
    }

    /// <summary>Revenue per entrant: every entrant counts, with 0 for those who did not convert.</summary>
    public ArmCounts ToCounts() => new(Name, Entrants, Conversions, new SampleSummary(Entrants, (double)Revenue, (double)RevenueSquares));
}
