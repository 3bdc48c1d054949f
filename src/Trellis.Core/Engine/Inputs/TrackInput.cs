using Trellis.Core.Values;

namespace Trellis.Core.Engine.Inputs;

/// <summary>The person performed an event (Segment <c>track</c>, or page/screen under their names).</summary>
public sealed class TrackInput(string name, Value properties) : EngineInput
{
    public string Name { get; } = name;

    public Value Properties { get; } = properties;
}
