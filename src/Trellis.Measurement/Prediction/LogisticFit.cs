namespace Trellis.Measurement.Prediction;

/// <summary>A fitted logistic regression: intercept, one weight per column, and how the fit went.</summary>
public sealed record LogisticFit(double Intercept, IReadOnlyList<double> Weights, int Iterations, bool Converged);
