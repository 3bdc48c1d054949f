using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>{lognormal: {median, sigma}}</c>: skewed amounts such as order totals, rounded to cents.</summary>
public sealed class LognormalGenerator(double median, double sigma) : ValueGenerator
{
    public override Value Next(ref Xoshiro256StarStar rng, Instant start) =>
        Value.Number(Math.Round(RandomDraws.Lognormal(ref rng, median, sigma), 2));
}
