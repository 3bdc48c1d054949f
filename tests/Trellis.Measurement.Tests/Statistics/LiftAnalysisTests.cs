using Trellis.Measurement.Statistics;

namespace Trellis.Measurement.Tests.Statistics;

public class LiftAnalysisTests
{
    private static ArmCounts Arm(string name, long n, long x) => new(name, n, x, new SampleSummary(n, x * 50.0, x * 2500.0));

    [Fact]
    public void A_clear_lift_is_called_with_its_interval_and_p_value()
    {
        var c = LiftAnalysis.Compare(Arm("holdout", 2000, 250), Arm("messaged", 2000, 320));
        Assert.True(c.Significant);
        Assert.Equal("z_test", c.PMethod);
        Assert.Equal(0.035, c.AbsoluteLift, 12);
        Assert.StartsWith("messaged converts better: +3.5 points (95% CI +1.3 to +5.7), p = 0.002", c.Verdict);
    }

    [Fact]
    public void A_small_sample_never_claims_significance()
    {
        var c = LiftAnalysis.Compare(Arm("holdout", 40, 4), Arm("messaged", 360, 45));
        Assert.False(c.Significant);
        Assert.StartsWith("not enough data yet: need ~", c.Verdict);
        Assert.Contains("per arm to detect a 2-point lift (smaller arm has 40)", c.Verdict);
        Assert.Equal("fisher_exact", c.PMethod);
    }

    [Fact]
    public void Enough_data_without_a_difference_says_so()
    {
        var c = LiftAnalysis.Compare(Arm("holdout", 50_000, 5_000), Arm("messaged", 50_000, 5_010));
        Assert.False(c.Significant);
        Assert.StartsWith("no significant difference: +0.0 points", c.Verdict);
    }

    [Fact]
    public void A_worse_treatment_is_called_worse()
    {
        var c = LiftAnalysis.Compare(Arm("A", 5000, 600), Arm("B", 5000, 450));
        Assert.True(c.Significant);
        Assert.StartsWith("B converts worse: -3.0 points", c.Verdict);
    }

    [Fact]
    public void An_empty_arm_is_no_data()
    {
        var c = LiftAnalysis.Compare(Arm("holdout", 0, 0), Arm("messaged", 10, 1));
        Assert.Equal("no data yet: holdout has no entrants", c.Verdict);
        Assert.False(c.Significant);
    }
}
