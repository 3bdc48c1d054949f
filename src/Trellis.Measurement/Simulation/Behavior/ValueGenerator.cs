using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>Makes one trait or event property value from a person's generator (see README: value generators).</summary>
public abstract class ValueGenerator
{
    /// <param name="start">The simulation start, for generators of dates relative to it.</param>
    public abstract Value Next(ref Xoshiro256StarStar rng, Instant start);
}
