using FsCheck;
using FsCheck.Fluent;
using Trellis.Core.Engine;

namespace Trellis.Core.Tests.Engine;

public class AssignmentTests
{
    // Reference values computed independently (Python: int.from_bytes(sha256(k)[:8], "big") / 2**64).
    [Theory]
    [InlineData("trial-to-paid:u1", 0.8463120077505732)]
    [InlineData("trial-to-paid:u2", 0.8839015987183405)]
    [InlineData("churn-risk:u4", 0.9826698531420929)]
    [InlineData("churn-risk:offer:u4", 0.526584936384196)]
    [InlineData("a", 0.7913742705223816)]
    public void Unit_matches_the_spec_formula(string key, double expected) =>
        Assert.Equal(expected, Assignment.Unit(key), 15);

    [Fact]
    public void Holdout_compares_the_unit_with_the_percent()
    {
        Assert.False(Assignment.InHoldout("trial-to-paid", "u1", 10));
        Assert.True(Assignment.InHoldout("trial-to-paid", "u1", 85));
        Assert.False(Assignment.InHoldout("trial-to-paid", "u1", 0));
    }

    [Fact]
    public void Split_picks_the_first_arm_whose_cumulative_share_exceeds_the_unit()
    {
        // u = 0.5266: a 50/50 split lands in the second arm, a 60/40 split in the first.
        Assert.Equal(1, Assignment.PickArm("churn-risk", "offer", "u4", [50, 50]));
        Assert.Equal(0, Assignment.PickArm("churn-risk", "offer", "u4", [60, 40]));
        Assert.Equal(0, Assignment.PickArm("churn-risk", "offer", "u4", [1]));
    }

    [Fact]
    public void Holdout_share_is_within_tolerance_of_the_percent() =>
        Prop.ForAll(Gen.Choose(1, 50).ToArbitrary(), percent =>
        {
            const int n = 20_000;
            var inside = Enumerable.Range(0, n).Count(i => Assignment.InHoldout("j" + percent, "user-" + i, percent));
            // 4.5 standard deviations of a binomial share: a failure means a biased hash, not bad luck.
            var sd = Math.Sqrt(percent / 100.0 * (1 - percent / 100.0) / n);
            return Math.Abs(inside / (double)n - percent / 100.0) < 4.5 * sd;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Split_shares_are_within_tolerance_of_their_weights() =>
        Prop.ForAll(
            Gen.Choose(1, 9).ListOf(3).Select(l => l.Select(w => (double)w).ToArray()).ToArbitrary(),
            weights =>
            {
                const int n = 30_000;
                var counts = new int[weights.Length];
                for (var i = 0; i < n; i++)
                {
                    counts[Assignment.PickArm("j", "s" + string.Join('-', weights), "p" + i, weights)]++;
                }

                var total = weights.Sum();
                return weights.Select((w, k) =>
                {
                    var share = w / total;
                    var sd = Math.Sqrt(share * (1 - share) / n);
                    return Math.Abs(counts[k] / (double)n - share) < 4.5 * sd;
                }).All(ok => ok);
            }).QuickCheckThrowOnFailure();
}
