using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>{chance: 0.7, value: …}</c>: the value for that share of people or events, otherwise missing.</summary>
public sealed class ChanceGenerator(double probability, ValueGenerator inner) : ValueGenerator
{
    public override Value Next(ref Xoshiro256StarStar rng, Instant start) =>
        rng.Chance(probability) ? inner.Next(ref rng, start) : Value.Null;
}
