namespace Trellis.Measurement.Prediction;

/// <summary>
/// The area under the ROC curve: the probability that a random positive scores above a random negative, ties
/// counting one half (the Mann–Whitney U statistic over n₊·n₋), computed from average ranks in O(n log n).
/// </summary>
public static class RocAuc
{
    /// <summary>NaN when there are no positives or no negatives (the AUC is undefined).</summary>
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException("one label per score", nameof(labels));
        }

        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        for (var i = 0; i < order.Length;)
        {
            // A run of equal scores shares the average of its ranks (1-based).
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var averageRank = (i + j + 2) / 2.0;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    positiveRanks += averageRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
