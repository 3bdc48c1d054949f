namespace Trellis.Content.Reading;

/// <summary>"Did you mean" for near misses: typos, swapped letters, wrong case.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a small edit distance, or null when nothing is close enough.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        // Very short names are all one edit apart ("u1", "u9"): only a difference of case counts there.
        var limit = name.Length <= 2 ? 0 : name.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d <= limit && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>"; did you mean 'x'?" or empty, to append to a message.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } s ? $"; did you mean '{s}'?" : "";

    /// <summary>"; did you mean 'x'? steps are: a, b" or "; steps are: a, b", to append to a message.</summary>
    public static string WithChoices(string name, IReadOnlyCollection<string> candidates, string noun)
    {
        var choices = candidates.Count == 0 ? $"there are no {noun}" : $"{noun} are: {string.Join(", ", candidates)}";
        return Closest(name, candidates) is { } s ? $"; did you mean '{s}'? {choices}" : $"; {choices}";
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus swaps of two neighbours ('stpes' → 'steps' is 1).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
