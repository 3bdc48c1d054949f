namespace Trellis.Measurement.Statistics;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927; no continuity correction). Unlike the Wald
/// interval it stays inside [0, 1] and keeps its coverage for small counts and proportions near 0 or 1.
/// </summary>
public static class WilsonInterval
{
    public static Interval Of(long successes, long trials) => Of(successes, trials, NormalDistribution.Z95);

    public static Interval Of(long successes, long trials, double z)
    {
        if (trials <= 0)
        {
            return new Interval(0, 1);
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), "successes must lie between 0 and the trials");
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // Clamp only the rounding at the edges (x = 0 or x = n give exactly 0 or 1 in exact arithmetic).
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
