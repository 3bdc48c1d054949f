namespace Trellis.Measurement.Statistics;

/// <summary>The standard normal distribution: CDF through erfc (accurate tails), quantile by safeguarded Newton.</summary>
public static class NormalDistribution
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public static readonly double Z95 = Quantile(0.975);

    public static double Density(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>P(|Z| ≥ |z|): the two-sided p-value of a z statistic.</summary>
    public static double TwoSidedP(double z) => Math.Min(1, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));

    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "a quantile needs 0 < p < 1");
        }

        // Newton steps inside a shrinking bracket: fast, and it cannot run away in the tails.
        double low = -40, high = 40, x = 0;
        for (var i = 0; i < 200; i++)
        {
            var f = Cdf(x) - p;
            if (f > 0)
            {
                high = x;
            }
            else
            {
                low = x;
            }

            var next = x - f / Math.Max(Density(x), 1e-300);
            if (next <= low || next >= high)
            {
                next = (low + high) / 2;
            }

            if (Math.Abs(next - x) < 1e-15 * Math.Max(1, Math.Abs(x)))
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
