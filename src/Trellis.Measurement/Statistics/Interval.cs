namespace Trellis.Measurement.Statistics;

/// <summary>A two-sided confidence interval [Low, High] (95% unless a method says otherwise).</summary>
public readonly record struct Interval(double Low, double High)
{
    public bool Contains(double x) => x >= Low && x <= High;

    /// <summary>Whether the interval lies wholly on one side of <paramref name="x"/> (a significant difference from it).</summary>
    public bool Excludes(double x) => x < Low || x > High;
}
