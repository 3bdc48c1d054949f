using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>{normal: {mean, sd}}</c>, rounded to two decimals.</summary>
public sealed class NormalGenerator(double mean, double sd) : ValueGenerator
{
    public override Value Next(ref Xoshiro256StarStar rng, Instant start) =>
        Value.Number(Math.Round(mean + sd * RandomDraws.Normal(ref rng), 2));
}
