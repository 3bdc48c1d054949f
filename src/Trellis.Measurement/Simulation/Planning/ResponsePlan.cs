using Trellis.Measurement.Simulation.Behavior;

namespace Trellis.Measurement.Simulation.Planning;

/// <summary>A message response with its event resolved to an index; <see cref="Step"/> null matches every send step.</summary>
public sealed record ResponsePlan(string? Step, int Event, double Probability, double AfterClick, DelayRange Delay);
