using Trellis.Core.Values;

namespace Trellis.Measurement.Reports;

/// <summary>
/// A goal value as revenue: numbers count, anything else (null, text) is 0. Held as decimal so that sums are
/// exact and independent of order; values beyond ±10^15 are not revenue in any currency and count as 0.
/// </summary>
public static class RevenueValue
{
    private const double Limit = 1e15;

    public static decimal Of(Value value)
    {
        var x = value.AsNumber;
        return double.IsFinite(x) && Math.Abs(x) <= Limit ? (decimal)x : 0m;
    }
}
