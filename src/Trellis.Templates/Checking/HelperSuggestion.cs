using Trellis.Core.Text;
using Trellis.Templates.Helpers;

namespace Trellis.Templates.Checking;

/// <summary>Finds the helper an author most likely meant ("uper" → "upper", "fi" → "if"), by edit distance.</summary>
internal static class HelperSuggestion
{
    private const int MaxDistance = 2;

    public static string? Closest(string name) =>
        HelperCatalog.All
            .Select(h => (h.Name, Distance: EditDistance.Between(name.ToLowerInvariant(), h.Name)))
            .Where(c => c.Distance <= MaxDistance && c.Distance < Math.Max(c.Name.Length, name.Length))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
}
