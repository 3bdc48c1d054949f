using NodaTime;
using NodaTime.Text;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>{date: [-30d, 90d]}</c>: a calendar date (yyyy-mm-dd text) a whole number of days from the start, uniformly.</summary>
public sealed class DateGenerator(int fromDays, int toDays) : ValueGenerator
{
    public override Value Next(ref Xoshiro256StarStar rng, Instant start)
    {
        var date = start.InUtc().Date.PlusDays(fromDays + rng.NextInt(toDays - fromDays + 1));
        return Value.String(LocalDatePattern.Iso.Format(date));
    }
}
