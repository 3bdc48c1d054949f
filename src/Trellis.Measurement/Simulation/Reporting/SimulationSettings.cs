namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>What was simulated: enough to run it again and get the same bytes.</summary>
public sealed record SimulationSettings(int People, int Days, ulong Seed, string Start, string End, string Behavior, IReadOnlyList<string> Journeys);
