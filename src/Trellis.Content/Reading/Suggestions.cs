using Trellis.Core.Text;
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
            var d = EditDistance.Between(name.ToLowerInvariant(), candidate.ToLowerInvariant());
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
}
