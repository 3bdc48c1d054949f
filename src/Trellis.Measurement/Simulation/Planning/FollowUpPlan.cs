using Trellis.Measurement.Simulation.Behavior;

namespace Trellis.Measurement.Simulation.Planning;

/// <summary>A follow-up with its event resolved to an index.</summary>
public sealed record FollowUpPlan(int Event, double Probability, DelayRange Delay, IReadOnlyList<PropertyCopy> Copy);
