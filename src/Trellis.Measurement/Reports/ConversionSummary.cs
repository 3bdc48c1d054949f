namespace Trellis.Measurement.Reports;

/// <summary>
/// Conversions of a journey: goal lines in the trace (<see cref="InJourney"/>) plus goal events of people who had
/// already left, inside the goal window (<see cref="AfterLeaving"/>); revenue is the sum of goal values, split the
/// same way in <see cref="RevenueInJourney"/> and <see cref="RevenueAfterLeaving"/>.
/// </summary>
public sealed record ConversionSummary(
    long InJourney,
    long AfterLeaving,
    long Total,
    double Rate,
    decimal Revenue,
    decimal RevenuePerEntrant,
    string? Window)
{
    /// <summary>The sum of goal values in the trace.</summary>
    public decimal RevenueInJourney { get; init; }

    public decimal RevenueAfterLeaving { get; init; }
}
