namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>A trait or event property and the generator of its values.</summary>
public sealed record NamedGenerator(string Name, ValueGenerator Generator);
