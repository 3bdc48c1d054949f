using System.Text.RegularExpressions;

namespace Trellis.Templates.Scanning;

/// <summary>One parsed argument or head; <see cref="Call"/> is set only for a subexpression.</summary>
internal sealed partial record TagNode(TagNodeKind Kind, string Text, TagCall? Call = null)
{
    public static TagNode FromWord(string word) =>
        IsLiteralWord(word) ? new(TagNodeKind.Literal, word) : new(TagNodeKind.Path, word);

    /// <summary>
    /// A bare name such as <c>upper</c> or <c>unsubscribe_url</c>: the only shape Handlebars looks up as a helper.
    /// Dotted paths, <c>this</c>, <c>@data</c> and <c>../parent</c> are always model lookups.
    /// </summary>
    public bool IsSimpleName =>
        Kind == TagNodeKind.Path
        && Text is not ("this" or "." or "..")
        && Text.IndexOfAny(['.', '/', '[', '@']) < 0;

    private static bool IsLiteralWord(string word) =>
        word is "true" or "false" or "null" or "undefined" || NumberPattern().IsMatch(word);

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
