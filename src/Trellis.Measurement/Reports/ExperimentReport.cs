using Trellis.Measurement.Statistics;

namespace Trellis.Measurement.Reports;

/// <summary>
/// A holdout (<see cref="Step"/> null: arms <c>holdout</c> and <c>messaged</c>) or a split step (one arm per
/// variant), with each treatment compared to the control: the holdout, or the split's first variant.
/// </summary>
public sealed record ExperimentReport(string? Step, IReadOnlyList<ArmReport> Arms, IReadOnlyList<ArmComparison> Comparisons);
