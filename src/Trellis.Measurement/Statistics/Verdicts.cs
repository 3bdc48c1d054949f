using System.Globalization;

namespace Trellis.Measurement.Statistics;

/// <summary>
/// Plain-language verdicts. A difference is called only when the test and the interval both say so; otherwise
/// the text says whether more data is needed (and how much) or the data already rules out the lift looked for.
/// </summary>
public static class Verdicts
{
    public static string Describe(string treatment, double lift, Interval interval, double? p, bool significant, long smallerArm, long needed, double minimumDetectableLift)
    {
        var estimate = $"{Points(lift)} points (95% CI {Points(interval.Low)} to {Points(interval.High)}), {PText(p)}";
        var mde = Points(minimumDetectableLift, signed: false);
        if (significant)
        {
            return $"{treatment} converts {(lift > 0 ? "better" : "worse")}: {estimate}";
        }

        if (smallerArm < needed)
        {
            return $"not enough data yet: need ~{Count(needed)} per arm to detect a {mde}-point lift (smaller arm has {Count(smallerArm)}); so far {estimate}";
        }

        return $"no significant difference: {estimate}; a {mde}-point lift would have been detected 8 times in 10";
    }

    public static string PText(double? p) => p switch
    {
        null => "no test possible",
        < 0.001 => "p < 0.001",
        { } v => "p = " + v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>A proportion difference in percentage points, one decimal, signed: +3.1, -0.4.</summary>
    public static string Points(double proportion, bool signed = true)
    {
        var text = Math.Abs(proportion * 100).ToString("0.0", CultureInfo.InvariantCulture);
        if (!signed)
        {
            return text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text;
        }

        return (proportion < 0 && text != "0.0" ? "-" : "+") + text;
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
