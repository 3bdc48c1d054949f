namespace Trellis.Measurement.Reports;

/// <summary>How instances ended (<c>converted</c>, <c>exited</c>, <c>completed</c>), and how many are still running.</summary>
public sealed record OutcomeCounts(long Converted, long Exited, long Completed, long Active);
