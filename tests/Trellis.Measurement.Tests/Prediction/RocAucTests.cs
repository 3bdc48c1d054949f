using Trellis.Measurement.Prediction;

namespace Trellis.Measurement.Tests.Prediction;

/// <summary>AUC against values counted by hand over every (positive, negative) pair.</summary>
public class RocAucTests
{
    [Fact]
    public void Counts_the_pairs_a_positive_wins()
    {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: 0.35 beats 0.1, loses to 0.4; 0.8 beats both → 3 of 4.
        Assert.Equal(0.75, RocAuc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void Ties_between_a_positive_and_a_negative_count_one_half()
    {
        // Positives {0.35, 0.8, 0.4}, negatives {0.1, 0.4}: pairs won 1+0, 1+1, 1+½ → 4.5 of 6.
        Assert.Equal(0.75, RocAuc.Compute([0.1, 0.4, 0.35, 0.8, 0.4], [false, false, true, true, true]), 12);
        // All scores equal: every pair is a tie.
        Assert.Equal(0.5, RocAuc.Compute([0.3, 0.3, 0.3], [true, false, false]), 12);
        // Ties among positives only change nothing: {0.9, 0.9} vs {0.2, 0.5} → 4 of 4.
        Assert.Equal(1.0, RocAuc.Compute([0.9, 0.2, 0.9, 0.5], [true, false, true, false]), 12);
    }

    [Fact]
    public void A_perfectly_wrong_ranking_is_zero_and_one_class_is_undefined()
    {
        Assert.Equal(0.0, RocAuc.Compute([0.9, 0.8, 0.1], [false, false, true]), 12);
        Assert.True(double.IsNaN(RocAuc.Compute([0.9, 0.8], [true, true])));
        Assert.True(double.IsNaN(RocAuc.Compute([0.9, 0.8], [false, false])));
    }
}
