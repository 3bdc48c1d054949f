namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>The distribution of messages per person per week over all person-weeks (exact: counts are whole numbers).</summary>
public sealed record MessageDistribution(double Mean, int Median, int P90, int P99, int Max, IReadOnlyList<MessageCount> Counts)
{
    public static MessageDistribution Of(long[] histogram)
    {
        long total = 0, sum = 0;
        var max = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            total += histogram[i];
            sum += i * histogram[i];
            max = histogram[i] > 0 ? i : max;
        }

        var counts = new List<MessageCount>();
        for (var i = 0; i <= max; i++)
        {
            counts.Add(new MessageCount(i, histogram[i]));
        }

        return new MessageDistribution(total == 0 ? 0 : Math.Round((double)sum / total, 4), Rank(histogram, total, 0.5), Rank(histogram, total, 0.9), Rank(histogram, total, 0.99), max, counts);
    }

    private static int Rank(long[] histogram, long total, double q)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen >= rank)
            {
                return i;
            }
        }

        return 0;
    }
}
