namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>
/// How often a persona performs an event: <see cref="PerDay"/> per person on average (Poisson arrivals) with a
/// per-person multiplier of mean 1 and variance <see cref="Dispersion"/>; <see cref="Once"/> stops after the first;
/// <see cref="AtStart"/> is the chance of one occurrence at the start, before the profile arrives (recent
/// activity, so that "not in 14 days" segments do not all fire at once); <see cref="AtTrait"/> performs it once
/// on the date held in that trait, with probability <see cref="AtTraitProbability"/>.
/// </summary>
public sealed record EventRate(string Event, double PerDay, double Dispersion, bool Once, double AtStart, string? AtTrait, double AtTraitProbability, int Line);
