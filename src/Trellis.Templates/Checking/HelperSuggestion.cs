using Trellis.Templates.Helpers;

namespace Trellis.Templates.Checking;

/// <summary>Finds the helper an author most likely meant ("uper" → "upper"), by edit distance.</summary>
internal static class HelperSuggestion
{
    private const int MaxDistance = 2;

    public static string? Closest(string name) =>
        HelperCatalog.All
            .Select(h => (h.Name, Distance: EditDistance(name, h.Name)))
            .Where(c => c.Distance <= MaxDistance && c.Distance < c.Name.Length)
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
