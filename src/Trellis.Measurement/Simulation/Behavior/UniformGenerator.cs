using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>{uniform: [min, max]}</c>: a real number, or with <c>integer</c> a whole number in [min, max].</summary>
public sealed class UniformGenerator(double min, double max, bool integer) : ValueGenerator
{
    public override Value Next(ref Xoshiro256StarStar rng, Instant start) => integer
        ? Value.Number(min + rng.NextInt((int)(max - min) + 1))
        : Value.Number(min + (max - min) * rng.NextDouble());
}
