using Trellis.Measurement.Reports;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// A journey's live report (the same shape as a <c>trellis simulate</c> report's journey) plus what the graph
/// needs beyond it: how many went from the entry straight to each step, and how many entered but have not
/// reached a step yet.
/// </summary>
public sealed record JourneySnapshot(JourneyReport Report, IReadOnlyDictionary<string, long> FromEntry, long WaitingToStart);
