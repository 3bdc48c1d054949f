using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>
/// The parts of a person's state that most people never need (suppressions, segment memory, date and schedule
/// moments, keyed re-entry memory), kept aside so that the common person stays small.
/// </summary>
public sealed class PersonExtras
{
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
