using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>
/// The parts of a person's state that most people never need at a given moment (suppressions, segment memory, date
/// and schedule moments, counted event history, re-entry memory of ended instances), kept aside so that the common
/// person — in one journey, or in none — stays small.
/// </summary>
public sealed class PersonExtras
{
    /// <summary>Occurrences of the events that expressions count (see <see cref="PersonState.History"/>).</summary>
    public EventHistory? History { get; set; }

    /// <summary>Re-entry memory of unkeyed journeys (see <see cref="PersonState.Entries"/>).</summary>
    public ulong[]? Entries { get; set; }

    /// <summary>Addresses suppressed per channel (hard bounces, complaints): "channel:address".</summary>
    public HashSet<string>? Suppressed { get; set; }

    /// <summary>Last value of each segment-triggered journey's condition (by journey index), for edge detection.</summary>
    public bool[]? SegmentValues { get; set; }

    /// <summary>When time alone may change a segment or condition rule; null when it cannot.</summary>
    public Instant? ConditionCheckAt { get; set; }

    /// <summary>Pending date/schedule entry moments by journey index (null entries: none pending).</summary>
    public Instant?[]? TriggerDue { get; set; }

    /// <summary>Whether date and schedule moments were armed once (the first turn arms them all).</summary>
    public bool TriggersArmed { get; set; }

    /// <summary>Last entry per (journey, key) of keyed journeys with a re-entry limit.</summary>
    public List<EntryRecord>? KeyedEntries { get; set; }
}
