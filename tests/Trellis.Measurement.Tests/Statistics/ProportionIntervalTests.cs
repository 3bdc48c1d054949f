using Trellis.Measurement.Statistics;

namespace Trellis.Measurement.Tests.Statistics;

/// <summary>
/// Published values: Newcombe (1998a), "Two-sided confidence intervals for the single proportion", Stat Med 17:857,
/// Wilson interval for 81/263; Newcombe (1998b), "Interval estimation for the difference between independent
/// proportions", Stat Med 17:873, Table II, method 10. Also recomputed independently in Python (see each test).
/// </summary>
public class ProportionIntervalTests
{
    [Fact]
    public void Wilson_interval_for_81_of_263_matches_Newcombe_1998()
    {
        var i = WilsonInterval.Of(81, 263);
        Assert.Equal(0.2553, i.Low, 4);
        Assert.Equal(0.3662, i.High, 4);
        // Python (statistics.NormalDist for z): 0.2552885198782743, 0.3662095769828001
        Assert.Equal(0.2552885198782743, i.Low, 12);
        Assert.Equal(0.3662095769828001, i.High, 12);
    }

    [Fact]
    public void Wilson_interval_stays_inside_0_and_1_at_the_edges()
    {
        var none = WilsonInterval.Of(0, 10);
        var all = WilsonInterval.Of(10, 10);
        Assert.Equal(0, none.Low, 12);
        Assert.Equal(0.27753279986288915, none.High, 12);
        Assert.Equal(0.7224672001371109, all.Low, 12);
        Assert.Equal(1, all.High, 12);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    public void Newcombe_hybrid_score_interval_matches_the_paper(long x1, long n1, long x2, long n2, double low, double high)
    {
        var i = NewcombeInterval.OfDifference(x1, n1, x2, n2);
        Assert.Equal(low, i.Low, 4);
        Assert.Equal(high, i.High, 4);
    }

    [Fact]
    public void Relative_lift_uses_the_Katz_log_interval()
    {
        // Python: ratio (56/70)/(48/80) - 1 = 0.33333, interval exp(ln RR ± 1.96·se) - 1 = 0.0766264, 0.6512485
        var r = RelativeLiftInterval.Of(56, 70, 48, 80)!.Value;
        Assert.Equal(1.0 / 3, r.Lift, 12);
        Assert.Equal(0.07662642276319298, r.Interval.Low, 9);
        Assert.Equal(0.651248511266387, r.Interval.High, 9);
        Assert.Null(RelativeLiftInterval.Of(0, 70, 48, 80));
    }
}
