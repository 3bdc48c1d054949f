using Trellis.Templates.Helpers;

namespace Trellis.Templates.Checking;

/// <summary>Finds the helper an author most likely meant ("uper" → "upper", "fi" → "if"), by edit distance.</summary>
internal static class HelperSuggestion
{
    private const int MaxDistance = 2;

    public static string? Closest(string name) =>
        HelperCatalog.All
            .Select(h => (h.Name, Distance: EditDistance(name.ToLowerInvariant(), h.Name)))
            .Where(c => c.Distance <= MaxDistance && c.Distance < Math.Max(c.Name.Length, name.Length))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    private static int EditDistance(string a, string b)
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
