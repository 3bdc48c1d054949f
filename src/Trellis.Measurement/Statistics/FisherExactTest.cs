namespace Trellis.Measurement.Statistics;

/// <summary>
/// Fisher's exact test on the 2×2 table [[a, b], [c, d]], two-sided: the total probability, under the
/// hypergeometric distribution with the table's margins, of every table no more likely than the one observed
/// (the usual definition, as in R's fisher.test; a relative tolerance of 1e-7 treats ties as ties).
/// </summary>
public static class FisherExactTest
{
    /// <summary>Above this many entrants the exact sum is skipped: the z-test is accurate there and the sum is long.</summary>
    public const long MaxTotal = 200_000;

    public static double TwoSidedP(long a, long b, long c, long d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "counts cannot be negative");
        }

        var row1 = a + b;
        var row2 = c + d;
        var col1 = a + c;
        var n = row1 + row2;
        var min = Math.Max(0, col1 - row2);
        var max = Math.Min(row1, col1);
        var logDenominator = SpecialFunctions.LogChoose(n, col1);
        var observed = LogProbability(a, row1, row2, col1, logDenominator);
        var sum = 0.0;
        for (var x = min; x <= max; x++)
        {
            var lp = LogProbability(x, row1, row2, col1, logDenominator);
            if (lp <= observed + 1e-7)
            {
                sum += Math.Exp(lp);
            }
        }

        return Math.Min(1, sum);
    }

    private static double LogProbability(long x, long row1, long row2, long col1, double logDenominator) =>
        SpecialFunctions.LogChoose(row1, x) + SpecialFunctions.LogChoose(row2, col1 - x) - logDenominator;
}
