using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>A plain scalar in the file: always that value.</summary>
public sealed class ConstantGenerator(Value value) : ValueGenerator
{
    public Value Value { get; } = value;

    public override Value Next(ref Xoshiro256StarStar rng, Instant start) => Value;
}
