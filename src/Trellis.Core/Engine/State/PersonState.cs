using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.State;

/// <summary>
/// Everything the engine knows about one person. The engine changes it in place while it handles an input
/// (the shell owns it, persists it after, and never shares it between threads).
/// Collections are created on first use so that a person in one journey costs little.
/// </summary>
public sealed class PersonState(string id)
{
    private static readonly Dictionary<string, Value> NoTraits = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    /// <summary>Profile traits (including the <c>consent</c> map); null until the first trait is set.</summary>
    public Dictionary<string, Value>? Traits { get; set; }

    public IReadOnlyDictionary<string, Value> TraitsOrEmpty => Traits ?? NoTraits;

    public EventHistory? History { get; set; }

    public SendLog? Sends { get; set; }

    /// <summary>Active journey instances, in the order they entered.</summary>
    public List<JourneyInstance>? Instances { get; set; }

    public List<EntryRecord>? Entries { get; set; }

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

    /// <summary>Number given to the next instance (per-person sequence).</summary>
    public int NextInstanceNumber { get; set; } = 1;

    public Value Trait(string name) => Traits is { } t && t.TryGetValue(name, out var v) ? v : Value.Null;

    public bool IsSuppressed(Channel channel, string address) =>
        Suppressed is { } s && s.Contains(SuppressionKey(channel, address));

    public static string SuppressionKey(Channel channel, string address) => channel.Name() + ":" + address;
}
