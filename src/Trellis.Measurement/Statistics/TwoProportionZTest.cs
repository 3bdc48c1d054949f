namespace Trellis.Measurement.Statistics;

/// <summary>The two-proportion z-test with the pooled standard error (H₀: p₁ = p₂), two-sided.</summary>
public static class TwoProportionZTest
{
    /// <summary>z = (p₁ − p₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)) and its two-sided p-value; null when the pooled rate is 0 or 1.</summary>
    public static (double Z, double P)? Test(long x1, long n1, long x2, long n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return null;
        }

        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se <= 0)
        {
            return null;
        }

        var z = ((double)x1 / n1 - (double)x2 / n2) / se;
        return (z, NormalDistribution.TwoSidedP(z));
    }
}
