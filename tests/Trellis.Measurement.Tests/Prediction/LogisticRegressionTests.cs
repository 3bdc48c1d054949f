using Trellis.Measurement.Prediction;

namespace Trellis.Measurement.Tests.Prediction;

/// <summary>The IRLS fit against coefficients known independently of this code.</summary>
public class LogisticRegressionTests
{
    // Wikipedia, "Logistic regression", example: hours studied vs passing an exam (20 students).
    private static readonly double[] Hours = [0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50, 2.75, 3.00, 3.25, 3.50, 4.00, 4.25, 4.50, 4.75, 5.00, 5.50];
    private static readonly bool[] Passed = [.. new[] { 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1 }.Select(p => p == 1)];

    [Fact]
    public void The_unregularised_fit_matches_the_textbook_exam_example()
    {
        // Published maximum-likelihood estimates: intercept −4.0777, hours 1.5046.
        var fit = LogisticRegression.Fit(Hours.Select(h => new[] { h }).ToList(), Passed, l2: 0);
        Assert.True(fit.Converged);
        Assert.Equal(-4.077713, fit.Intercept, 1e-6);
        Assert.Equal(1.504645, Assert.Single(fit.Weights), 1e-6);
        Assert.InRange(fit.Iterations, 3, 20);
    }

    [Fact]
    public void The_ridge_fit_matches_an_independent_newton_solution()
    {
        // λ = 2 on the slope only, solved separately by a two-parameter Newton iteration (closed-form 2×2 inverse).
        var fit = LogisticRegression.Fit(Hours.Select(h => new[] { h }).ToList(), Passed, l2: 2);
        Assert.True(fit.Converged);
        Assert.Equal(-2.670692141, fit.Intercept, 7);
        Assert.Equal(0.972836820, fit.Weights[0], 7);
    }

    [Fact]
    public void A_saturated_binary_feature_gives_the_log_odds_of_each_group()
    {
        // x = 0: 2 of 8 positive; x = 1: 6 of 8. The MLE is logit(2/8) and logit(6/8) − logit(2/8), by hand:
        // ln(1/3) = −1.0986 and 2·ln 3 = 2.1972.
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 8; i++)
        {
            x.Add([0]);
            y.Add(i < 2);
            x.Add([1]);
            y.Add(i < 6);
        }

        var fit = LogisticRegression.Fit(x, y, l2: 0);
        Assert.Equal(Math.Log(1.0 / 3), fit.Intercept, 8);
        Assert.Equal(2 * Math.Log(3), fit.Weights[0], 8);
    }

    [Fact]
    public void Separable_data_stays_finite_with_a_penalty()
    {
        var x = new List<double[]> { new[] { -1.0 }, new[] { -0.5 }, new[] { 0.5 }, new[] { 1.0 } };
        var y = new[] { false, false, true, true };
        var fit = LogisticRegression.Fit(x, y, l2: 1);
        Assert.True(fit.Converged);
        Assert.True(double.IsFinite(fit.Weights[0]) && fit.Weights[0] > 0);
        // The penalised optimum: the gradient Xᵀ(y − p) equals λ·w.
        var gradient = x.Select((r, i) => r[0] * ((y[i] ? 1 : 0) - Core.Scoring.PropensityModel.Sigmoid(fit.Intercept + fit.Weights[0] * r[0]))).Sum();
        Assert.Equal(fit.Weights[0], gradient, 9);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([], [], 1));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([[1.0]], [true, false], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.Fit([[1.0]], [true], -1));
    }
}
