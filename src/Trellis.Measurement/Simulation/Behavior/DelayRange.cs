using NodaTime;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>after: 2d</c> (exactly) or <c>after: [1h, 3d]</c> (uniformly between).</summary>
public readonly record struct DelayRange(Duration Min, Duration Max)
{
    public Duration Next(ref Xoshiro256StarStar rng) =>
        Min == Max ? Min : Min + Duration.FromTicks((long)((Max - Min).BclCompatibleTicks * rng.NextDouble()));
}
