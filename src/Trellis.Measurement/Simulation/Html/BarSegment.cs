namespace Trellis.Measurement.Simulation.Html;

/// <summary>One coloured part of a bar: a value under a legend key.</summary>
public readonly record struct BarSegment(string Key, double Value);
