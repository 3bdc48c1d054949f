namespace Trellis.Measurement.Reports;

/// <summary>
/// Conversions of a journey: goal lines in the trace (<see cref="InJourney"/>) plus goal events of people who had
/// already left, inside the goal window (<see cref="AfterLeaving"/>); revenue is the sum of goal values.
/// </summary>
public sealed record ConversionSummary(
    long InJourney,
    long AfterLeaving,
    long Total,
    double Rate,
    decimal Revenue,
    decimal RevenuePerEntrant,
    string? Window);
