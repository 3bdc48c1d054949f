using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.State;

/// <summary>One event as the engine keeps it: its name, when it was handled, and its properties (a map value).</summary>
public sealed class EventRecord(string name, Instant at, Value properties)
{
    public static readonly Value EmptyProperties = Value.Map(new Dictionary<string, Value>(StringComparer.Ordinal));

    public string Name { get; } = name;

    public Instant At { get; } = at;

    public Value Properties { get; } = properties.Kind == ValueKind.Map ? properties : EmptyProperties;
}
