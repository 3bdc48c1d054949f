using NodaTime;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>Where decided-in-advance inputs go: the partition's time-ordered queue.</summary>
internal interface IPendingQueue
{
    void Schedule(int person, PendingKind kind, object? payload, Instant at);
}
