namespace Trellis.Templates.Scanning;

/// <summary>
/// One tag found by <see cref="MustacheScanner"/>: its kind, the text after the sigil (whitespace-control
/// <c>~</c> and surrounding blanks removed) and the 1-based line where its <c>{{</c> starts.
/// </summary>
internal sealed record MustacheTag(MustacheTagKind Kind, string Body, int Line)
{
    private const int DisplayLimit = 60;

    /// <summary>The tag as the author wrote it (normalised, shortened), for quoting in messages.</summary>
    public string Display
    {
        get
        {
            var text = Kind switch
            {
                MustacheTagKind.Unescaped => "{{{" + Body + "}}}",
                MustacheTagKind.BlockOpen => "{{#" + Body + "}}",
                MustacheTagKind.BlockClose => "{{/" + Body + "}}",
                MustacheTagKind.Else => Body.Length == 0 ? "{{else}}" : "{{else " + Body + "}}",
                MustacheTagKind.Inverse => "{{^" + Body + "}}",
                MustacheTagKind.Partial => "{{>" + Body + "}}",
                MustacheTagKind.PartialBlock => "{{#>" + Body + "}}",
                MustacheTagKind.InlinePartial => "{{#*" + Body + "}}",
                MustacheTagKind.Decorator => "{{*" + Body + "}}",
                MustacheTagKind.Ampersand => "{{&" + Body + "}}",
                _ => "{{" + Body + "}}",
            };
            return text.Length <= DisplayLimit ? text : text[..(DisplayLimit - 1)] + "…";
        }
    }
}
