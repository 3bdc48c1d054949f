namespace Trellis.Measurement.Reports;

/// <summary>
/// An instance that ended without converting while its goal window is still open: a later goal event of the
/// person still counts as a conversion (SPEC §3: reports count conversions of people who already left).
/// </summary>
public readonly record struct WatchedInstance(int Journey, long EnteredAtTicks, long DeadlineTicks, bool Holdout, ulong Arms, string? Key);
