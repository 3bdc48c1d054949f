using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Measurement.Prediction;

/// <summary>One thing a person did, as training sees it: an event (by name) or a trait change (identify).</summary>
/// <param name="Event">The event name of a track, page or screen call; null for a trait change.</param>
/// <param name="Traits">The traits an identify set (merged into the profile; null removes one); null for an event.</param>
public sealed record HistoryEntry(Instant At, string? Event, IReadOnlyDictionary<string, Value>? Traits)
{
    public static HistoryEntry Performed(Instant at, string eventName) => new(at, eventName, null);

    public static HistoryEntry Identified(Instant at, IReadOnlyDictionary<string, Value> traits) => new(at, null, traits);
}
