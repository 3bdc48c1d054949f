namespace Trellis.Measurement.Simulation.Running;

/// <summary>What a queued item is: a person's next Poisson arrival, a scheduled event, or engagement feedback.</summary>
internal enum PendingKind : byte
{
    Arrival,
    Event,
    Engagement,
}
