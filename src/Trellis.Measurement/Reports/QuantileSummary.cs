namespace Trellis.Measurement.Reports;

/// <summary>Median and 90th percentile (nearest rank) of a duration, in seconds; exact, or within <see cref="RelativeError"/>.</summary>
public sealed record QuantileSummary(long Count, double? MedianSeconds, double? P90Seconds, bool Exact, double RelativeError)
{
    public static QuantileSummary Of(DurationSketch sketch) => new(
        sketch.Count,
        sketch.Quantile(0.5),
        sketch.Quantile(0.9),
        sketch.IsExact,
        sketch.IsExact ? 0 : DurationSketch.RelativeAccuracy);
}
