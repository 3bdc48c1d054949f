namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>An event's property generators and the events that may follow it.</summary>
public sealed record EventModel(string Name, IReadOnlyList<NamedGenerator> Properties, IReadOnlyList<FollowUp> FollowUps)
{
    public static EventModel Bare(string name) => new(name, [], []);
}
