using Trellis.Core.Values;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>An event decided in advance (a follow-up, a response to a message, a date), with its properties.</summary>
internal sealed record ScheduledEvent(int Event, Value Properties);
