using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>The last time a person entered a journey (per key for keyed journeys), for re-entry rules.</summary>
public sealed class EntryRecord(int journey, string? key, Instant at)
{
    public int Journey { get; } = journey;

    public string? Key { get; } = key;

    public Instant At { get; set; } = at;
}
