namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>After an event, another one with this probability and delay (an order is delivered, a trial activates).</summary>
public sealed record FollowUp(string Event, double Probability, DelayRange Delay, IReadOnlyList<PropertyCopy> Copy, int Line);
