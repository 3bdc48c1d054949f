namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>An explicit consent answer for a topic or channel key: yes with probability <see cref="Yes"/>, else no with <see cref="No"/>, else none.</summary>
public sealed record ConsentRule(string Key, double Yes, double No);
