namespace Trellis.Measurement.Statistics;

/// <summary>A sample reduced to what a t-test needs: count, sum and sum of squares (so that arms merge by addition).</summary>
public readonly record struct SampleSummary(long Count, double Sum, double SumOfSquares)
{
    public static SampleSummary Of(IEnumerable<double> values)
    {
        long n = 0;
        double sum = 0, squares = 0;
        foreach (var v in values)
        {
            n++;
            sum += v;
            squares += v * v;
        }

        return new SampleSummary(n, sum, squares);
    }

    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>The unbiased sample variance (n − 1), never negative from rounding.</summary>
    public double Variance => Count < 2 ? 0 : Math.Max(0, (SumOfSquares - Sum * Sum / Count) / (Count - 1));
}
