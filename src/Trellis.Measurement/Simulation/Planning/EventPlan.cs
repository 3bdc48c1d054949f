using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Measurement.Simulation.Behavior;

namespace Trellis.Measurement.Simulation.Planning;

/// <summary>One event of the simulation, resolved to indices; events without properties share one input object.</summary>
public sealed class EventPlan(int index, string name, IReadOnlyList<NamedGenerator> properties)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public NamedGenerator[] Properties { get; } = properties.ToArray();

    public FollowUpPlan[] FollowUps { get; set; } = [];

    /// <summary>The input for an occurrence without properties (inputs are immutable, so one serves all).</summary>
    public TrackInput BareInput { get; } = new(name, EventRecord.EmptyProperties);
}
