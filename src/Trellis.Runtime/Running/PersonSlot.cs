using NodaTime;
using Trellis.Core.Engine.State;

namespace Trellis.Runtime.Running;

/// <summary>A person held in memory, with the wake time the timer queue currently holds for them (stale entries are skipped).</summary>
public sealed class PersonSlot(PersonState state)
{
    public PersonState State { get; set; } = state;

    public Instant? ScheduledWake { get; set; }
}
