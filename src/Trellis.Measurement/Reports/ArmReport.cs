using Trellis.Measurement.Statistics;

namespace Trellis.Measurement.Reports;

/// <summary>One arm: entrants, conversions (of which after leaving), the rate with its Wilson 95% interval, revenue.</summary>
public sealed record ArmReport(
    string Arm,
    long Entrants,
    long Conversions,
    long ConversionsAfterLeaving,
    double ConversionRate,
    Interval ConversionRateInterval,
    decimal Revenue,
    decimal RevenuePerEntrant);
