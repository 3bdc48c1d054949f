namespace Trellis.Measurement.Statistics;

/// <summary>Welch's t-test of mean(treatment) − mean(control): the difference, its 95% interval, t, the Welch–Satterthwaite df and the two-sided p.</summary>
public sealed record WelchResult(double Difference, Interval Interval, double T, double DegreesOfFreedom, double P);
