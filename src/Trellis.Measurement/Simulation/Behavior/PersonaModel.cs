namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>A kind of person (a trialist, a subscriber, a shopper): a share of the population, traits and event rates.</summary>
public sealed record PersonaModel(string Name, double Share, IReadOnlyList<NamedGenerator> Traits, IReadOnlyList<EventRate> Events);
