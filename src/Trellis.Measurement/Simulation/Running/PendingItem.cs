namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// One queued input of a person. Arrivals carry nothing (the event is drawn when it comes, so the queue holds one
/// arrival per person, not their whole future); scheduled events carry a <see cref="ScheduledEvent"/>, engagement
/// an <c>EngagementInput</c>.
/// </summary>
internal readonly record struct PendingItem(int Person, PendingKind Kind, object? Payload);
