namespace Trellis.Measurement.Statistics;

/// <summary>
/// Newcombe's hybrid score interval for a difference of independent proportions p₁ − p₂ (Newcombe 1998,
/// method 10): combines the two Wilson intervals. Good coverage where the Wald interval fails (small counts,
/// rates near 0), and defined even when a count is 0.
/// </summary>
public static class NewcombeInterval
{
    /// <summary>The interval for p₁ − p₂ with p₁ = x₁/n₁ and p₂ = x₂/n₂.</summary>
    public static Interval OfDifference(long x1, long n1, long x2, long n2)
    {
        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var w1 = WilsonInterval.Of(x1, n1);
        var w2 = WilsonInterval.Of(x2, n2);
        var d = p1 - p2;
        var low = d - Math.Sqrt(Square(p1 - w1.Low) + Square(w2.High - p2));
        var high = d + Math.Sqrt(Square(w1.High - p1) + Square(p2 - w2.Low));
        return new Interval(low, high);
    }

    private static double Square(double x) => x * x;
}
