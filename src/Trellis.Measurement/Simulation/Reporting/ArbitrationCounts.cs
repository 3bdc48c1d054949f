namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>Sends of a journey that arbitration deferred or skipped (a higher-priority journey had just sent).</summary>
public sealed record ArbitrationCounts(string Journey, long Deferred, long Skipped);
