namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>How many person-weeks had exactly <see cref="Messages"/> messages.</summary>
public sealed record MessageCount(int Messages, long PersonWeeks);
