using System.Text.RegularExpressions;

namespace Trellis.Server.Admin;

/// <summary>The journey id rule of the content format (a slug), checked on the URL before anything is stored.</summary>
internal static partial class JourneyIds
{
    public static bool IsValid(string id) => id.Length <= 64 && Pattern().IsMatch(id);

    public const string Rule = "lowercase letters and digits, with single '-' or '_' between words, at most 64 characters";

    [GeneratedRegex("^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
