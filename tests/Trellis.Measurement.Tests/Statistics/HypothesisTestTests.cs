using Trellis.Measurement.Statistics;

namespace Trellis.Measurement.Tests.Statistics;

/// <summary>Tests against textbook examples and values computed independently with Python's math and statistics modules.</summary>
public class HypothesisTestTests
{
    [Fact]
    public void Two_proportion_z_test_matches_an_independent_computation()
    {
        // Python: pooled z for 56/70 vs 48/80 = 2.6501719512585336, p = erfc(|z|/√2) = 0.008045081368196568
        var r = TwoProportionZTest.Test(56, 70, 48, 80)!.Value;
        Assert.Equal(2.6501719512585336, r.Z, 10);
        Assert.Equal(0.008045081368196568, r.P, 12);
        var big = TwoProportionZTest.Test(320, 2000, 250, 2000)!.Value;
        Assert.Equal(3.166237934306518, big.Z, 10);
        Assert.Equal(0.0015442442309764495, big.P, 12);
    }

    [Fact]
    public void Fisher_exact_test_on_the_lady_tasting_tea()
    {
        // Fisher (1935): 3 of 4 cups right each way; two-sided p = 34/70.
        Assert.Equal(34.0 / 70, FisherExactTest.TwoSidedP(3, 1, 1, 3), 12);
    }

    [Fact]
    public void Fisher_exact_test_on_the_dieting_example()
    {
        // The 2×2 example of Wikipedia's article (1 of 10 men, 11 of 14 women dieting): p = 0.002759.
        Assert.Equal(0.002759456185220094, FisherExactTest.TwoSidedP(1, 9, 11, 3), 10);
    }

    [Fact]
    public void Welch_t_test_matches_the_first_Wikipedia_example()
    {
        double[] a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
        var r = WelchTTest.Test(SampleSummary.Of(a1), SampleSummary.Of(a2))!;
        // Published: t = −2.46, df = 25.0, p = 0.021. Python: t = −2.45535639828601, df = 24.98852929023142, p = 0.021378001462866728.
        Assert.Equal(-2.45535639828601, r.T, 9);
        Assert.Equal(24.98852929023142, r.DegreesOfFreedom, 8);
        Assert.Equal(0.021378001462866728, r.P, 9);
        Assert.Equal(-2.1666666666666714, r.Difference, 9);
        // Interval: difference ± t(0.975, df)·SE with SE = 0.8824245100137553.
        var q = StudentTDistribution.Quantile(0.975, r.DegreesOfFreedom);
        Assert.Equal(r.Difference - q * 0.8824245100137553, r.Interval.Low, 9);
        Assert.True(r.Interval.High < 0);
    }

    [Fact]
    public void Welch_t_test_matches_the_second_Wikipedia_example()
    {
        double[] b1 = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
        double[] b2 = [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8];
        var r = WelchTTest.Test(SampleSummary.Of(b1), SampleSummary.Of(b2))!;
        // Published: t = −1.57, df = 9.9, p = 0.149.
        Assert.Equal(-1.5654335235985073, r.T, 9);
        Assert.Equal(9.904741248650831, r.DegreesOfFreedom, 8);
        Assert.Equal(0.14884169660532864, r.P, 8);
        Assert.True(r.Interval.Contains(0));
    }

    [Theory]
    [InlineData(1, 12.706204736174707)]
    [InlineData(10, 2.2281388519649385)]
    [InlineData(30, 2.0422724563012373)]
    public void Student_t_quantiles_match_the_tables(double df, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.Quantile(0.975, df), 8);
    }

    [Fact]
    public void Normal_quantile_and_tail_are_accurate()
    {
        Assert.Equal(1.959963984540054, NormalDistribution.Quantile(0.975), 12);
        Assert.Equal(0.8416212335729143, NormalDistribution.Quantile(0.8), 12);
        // A far tail keeps its relative precision: P(|Z| ≥ 8) = 1.2441921148543e-15.
        Assert.Equal(1.2441921148543568e-15, NormalDistribution.TwoSidedP(8), 1e-24);
    }

    [Theory]
    [InlineData(0.10, 0.02, 3841)]
    [InlineData(0.05, 0.05, 435)]
    [InlineData(0.30, 0.02, 8394)]
    public void Sample_size_per_arm_matches_the_Fleiss_formula(double baseline, double lift, long expected)
    {
        // Python with statistics.NormalDist: 3840.85, 434.43, 8393.20, rounded up.
        Assert.Equal(expected, SampleSize.PerArm(baseline, lift));
    }
}
