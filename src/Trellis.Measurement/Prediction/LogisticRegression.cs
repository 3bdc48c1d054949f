namespace Trellis.Measurement.Prediction;

/// <summary>
/// L2-regularised logistic regression fitted by iteratively reweighted least squares (Newton's method on the
/// penalised log-likelihood). The penalty <c>λ/2·‖w‖²</c> leaves the intercept free, keeps the Hessian positive
/// definite (Cholesky) and the weights finite even when the classes separate. Converged when no coefficient moves
/// more than 1e-10 (relative to its size) in a step. Deterministic: fixed summation order, no randomness.
/// </summary>
public static class LogisticRegression
{
    private const double Tolerance = 1e-10;

    /// <param name="x">One row per example, one column per feature (standardise them first: λ treats all alike).</param>
    public static LogisticFit Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2, int maxIterations = 100)
    {
        if (x.Count != y.Count || x.Count == 0)
        {
            throw new ArgumentException("one label per row, and at least one row", nameof(y));
        }

        if (l2 < 0 || !double.IsFinite(l2))
        {
            throw new ArgumentOutOfRangeException(nameof(l2), "the L2 penalty is a finite number ≥ 0");
        }

        var p = x[0].Length + 1;
        var beta = new double[p];
        var hessian = new double[p, p];
        var gradient = new double[p];
        var row = new double[p];
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Array.Clear(hessian);
            Array.Clear(gradient);
            for (var n = 0; n < x.Count; n++)
            {
                row[0] = 1;
                x[n].CopyTo(row, 1);
                var z = 0.0;
                for (var i = 0; i < p; i++)
                {
                    z += beta[i] * row[i];
                }

                var mu = Core.Scoring.PropensityModel.Sigmoid(z);
                var w = mu * (1 - mu);
                var r = (y[n] ? 1 : 0) - mu;
                for (var i = 0; i < p; i++)
                {
                    gradient[i] += row[i] * r;
                    var wi = w * row[i];
                    for (var j = 0; j <= i; j++)
                    {
                        hessian[i, j] += wi * row[j];
                    }
                }
            }

            for (var i = 1; i < p; i++)
            {
                gradient[i] -= l2 * beta[i];
                hessian[i, i] += l2;
            }

            for (var i = 0; i < p; i++)
            {
                for (var j = i + 1; j < p; j++)
                {
                    hessian[i, j] = hessian[j, i];
                }
            }

            var step = SolveCholesky(hessian, gradient);
            var largest = 0.0;
            for (var i = 0; i < p; i++)
            {
                beta[i] += step[i];
                largest = Math.Max(largest, Math.Abs(step[i]) / (1 + Math.Abs(beta[i])));
            }

            if (largest < Tolerance)
            {
                return new LogisticFit(beta[0], beta[1..], iteration, true);
            }
        }

        return new LogisticFit(beta[0], beta[1..], maxIterations, false);
    }

    /// <summary>Solves A·s = b for symmetric positive definite A.</summary>
    private static double[] SolveCholesky(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                if (i == j)
                {
                    if (sum <= 0)
                    {
                        throw new TrainingException(
                            "the fit is singular (every example has the same prediction weight): add examples of both kinds or raise --l2");
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * z[k];
            }

            z[i] = sum / l[i, i];
        }

        var s = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * s[k];
            }

            s[i] = sum / l[i, i];
        }

        return s;
    }
}
