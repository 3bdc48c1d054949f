using System.Globalization;
using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>unique</c>: a fresh id (prefix and 64 random bits in hex), e.g. for cart and order ids.</summary>
public sealed class UniqueIdGenerator(string prefix) : ValueGenerator
{
    public override Value Next(ref Xoshiro256StarStar rng, Instant start) =>
        Value.String(prefix + "-" + rng.NextUInt64().ToString("x16", CultureInfo.InvariantCulture));
}
