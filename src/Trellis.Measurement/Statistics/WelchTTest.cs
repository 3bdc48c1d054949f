namespace Trellis.Measurement.Statistics;

/// <summary>
/// Welch's unequal-variances t-test (Welch 1947): SE = √(s₁²/n₁ + s₂²/n₂), df by Welch–Satterthwaite, interval
/// difference ± t(0.975, df)·SE. Used for revenue per entrant, where most values are 0 and variances differ.
/// </summary>
public static class WelchTTest
{
    /// <summary>Null when an arm has fewer than two values or both variances are 0 (no spread, no test).</summary>
    public static WelchResult? Test(SampleSummary treatment, SampleSummary control)
    {
        if (treatment.Count < 2 || control.Count < 2)
        {
            return null;
        }

        var vt = treatment.Variance / treatment.Count;
        var vc = control.Variance / control.Count;
        var se2 = vt + vc;
        if (se2 <= 0)
        {
            return null;
        }

        var se = Math.Sqrt(se2);
        var df = se2 * se2 / (vt * vt / (treatment.Count - 1) + vc * vc / (control.Count - 1));
        var difference = treatment.Mean - control.Mean;
        var t = difference / se;
        var q = StudentTDistribution.Quantile(0.975, df);
        return new WelchResult(difference, new Interval(difference - q * se, difference + q * se), t, df, StudentTDistribution.TwoSidedP(t, df));
    }
}
