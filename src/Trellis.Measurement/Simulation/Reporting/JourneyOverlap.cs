namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>Times a person entered <see cref="Entered"/> while already in <see cref="WhileIn"/>.</summary>
public sealed record JourneyOverlap(string Entered, string WhileIn, long Count);
