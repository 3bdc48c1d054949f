using System.Text.RegularExpressions;

namespace Trellis.Content.Reading;

/// <summary>Ids of journeys and templates: they appear in URLs, file names and traces, so keep them plain.</summary>
internal static partial class Slug
{
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    public const string Rule = "lowercase letters and digits, with single '-' or '_' between words (e.g. trial-to-paid)";

    [GeneratedRegex("^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
