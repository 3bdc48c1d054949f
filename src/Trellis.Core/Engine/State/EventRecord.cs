using Trellis.Core.Values;

namespace Trellis.Core.Engine.State;

/// <summary>
/// An event as expressions and templates see it: its name and properties (a map value). Events without
/// properties share one record per name, so entering a journey on them allocates nothing.
/// </summary>
public sealed class EventRecord(string name, Value properties)
{
    public static readonly Value EmptyProperties = Value.Map(new Dictionary<string, Value>(StringComparer.Ordinal));

    public string Name { get; } = name;

    public Value Properties { get; } = properties.Kind == ValueKind.Map ? properties : EmptyProperties;
}
