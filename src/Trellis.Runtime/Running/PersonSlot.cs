using NodaTime;
using Trellis.Core.Engine.State;

namespace Trellis.Runtime.Running;

/// <summary>
/// A person held in memory, with the wake the timer queue currently holds for them. Older queue entries for the
/// same person are recognised as stale by their sequence number and skipped.
/// </summary>
public sealed class PersonSlot(PersonState state)
{
    public PersonState State { get; set; } = state;

    /// <summary>The slot's number in its runner (timer queues refer to slots by number).</summary>
    internal int Index { get; init; }

    /// <summary>When the person is next woken, or null when nothing is pending.</summary>
    public Instant? ScheduledWake => HasWake ? Instant.FromUnixTimeTicks(WakeTicks) : null;

    internal bool HasWake { get; set; }

    internal long WakeTicks { get; set; }

    /// <summary>Order of the current schedule among all schedules: the tie-break between wakes at the same instant.</summary>
    internal long WakeSeq { get; set; }

    /// <summary>The current schedule is in the near heap (so a bucket holding an older entry does not add it again).</summary>
    internal bool InHeap { get; set; }
}
