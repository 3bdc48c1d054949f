namespace Trellis.Measurement.Statistics;

/// <summary>Student's t distribution with (possibly fractional) degrees of freedom, through the incomplete beta.</summary>
public static class StudentTDistribution
{
    public static double Cdf(double t, double degreesOfFreedom)
    {
        var tail = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>P(|T| ≥ |t|).</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom) =>
        Math.Min(1, SpecialFunctions.RegularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t)));

    /// <summary>The p-quantile, by bisection (the CDF is monotone; 200 halvings reach double precision).</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "a quantile needs 0 < p < 1");
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-15 * high; i++)
        {
            var mid = (low + high) / 2;
            if (Cdf(mid, degreesOfFreedom) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
