namespace Trellis.Templates.Scanning;

/// <summary>
/// Finds the <c>{{…}}</c> tags in a template part. Handlebars.Net reports some mistakes only at render time
/// and others without a line, so this scanner does its own pass: it knows escaped <c>\{{</c>, comments
/// (<c>{{! }}</c>, <c>{{!-- --}}</c>, which may contain <c>}}</c>), triple mustaches, whitespace control
/// (<c>~</c>) and string literals that contain braces. Problems are added to <c>issues</c>; after a tag that
/// never closes, scanning stops, because every later tag would be misread.
/// </summary>
internal static class MustacheScanner
{
    public static IReadOnlyList<MustacheTag> Scan(string source, LineIndex lines, ICollection<TemplateIssue> issues)
    {
        var tags = new List<MustacheTag>();
        var position = 0;
        while (true)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                return tags;
            }

            if (IsEscaped(source, open))
            {
                position = open + 2;
                continue;
            }

            var line = lines.LineOf(open);
            var braces = CountRun(source, open, '{');
            if (braces >= 4)
            {
                issues.Add(new(line, "raw blocks '{{{{…}}}}' are not supported; use '{{…}}' or '{{{…}}}'"));
                return tags;
            }

            var contentStart = open + braces;
            if (braces == 2 && IsCommentStart(source, contentStart))
            {
                var commentEnd = FindCommentEnd(source, contentStart);
                if (commentEnd < 0)
                {
                    issues.Add(new(line, "comment is never closed; end '{{!' with '}}' and '{{!--' with '--}}'"));
                    return tags;
                }

                position = commentEnd;
                continue;
            }

            var (close, closeLength) = FindClose(source, contentStart, braces == 3, line, lines, issues);
            if (close < 0)
            {
                return tags;
            }

            tags.Add(MakeTag(source[contentStart..close], braces == 3, line));
            position = close + closeLength;
        }
    }

    /// <summary><c>\{{</c> is literal text; <c>\\{{</c> is a literal backslash followed by a real tag (as in Handlebars).</summary>
    private static bool IsEscaped(string source, int open) =>
        open >= 1 && source[open - 1] == '\\' && !(open >= 2 && source[open - 2] == '\\');

    private static int CountRun(string source, int start, char c)
    {
        var end = start;
        while (end < source.Length && source[end] == c)
        {
            end++;
        }

        return end - start;
    }

    private static bool IsCommentStart(string source, int contentStart)
    {
        var i = SkipTilde(source, contentStart);
        return i < source.Length && source[i] == '!';
    }

    /// <summary>Returns the offset just past the comment's closing braces, or -1 when it never closes.</summary>
    private static int FindCommentEnd(string source, int contentStart)
    {
        var bang = SkipTilde(source, contentStart);
        if (string.CompareOrdinal(source, bang, "!--", 0, 3) == 0)
        {
            // A long comment ends only at "--}}" (or "--~}}"), so it can hold example mustaches.
            var search = bang + 3;
            while (true)
            {
                var dashes = source.IndexOf("--", search, StringComparison.Ordinal);
                if (dashes < 0)
                {
                    return -1;
                }

                var after = SkipTilde(source, dashes + 2);
                if (string.CompareOrdinal(source, after, "}}", 0, 2) == 0)
                {
                    return after + 2;
                }

                search = dashes + 1;
            }
        }

        var close = source.IndexOf("}}", bang, StringComparison.Ordinal);
        return close < 0 ? -1 : close + 2;
    }

    private static int SkipTilde(string source, int i) => i < source.Length && source[i] == '~' ? i + 1 : i;

    /// <summary>Finds the closing braces of a tag, skipping string literals and [segment] literals.</summary>
    private static (int Close, int Length) FindClose(
        string source, int contentStart, bool triple, int line, LineIndex lines, ICollection<TemplateIssue> issues)
    {
        var opener = triple ? "{{{" : "{{";
        var quote = '\0';
        for (var i = contentStart; i < source.Length; i++)
        {
            var c = source[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                var end = source.IndexOf(']', i + 1);
                i = end < 0 ? i : end;
            }
            else if (c == '{' && Next(source, i) == '{')
            {
                issues.Add(new(line,
                    $"'{opener}' is not closed before the next '{{{{' on line {lines.LineOf(i)}; close it with '{Closer(triple)}'"));
                return (-1, 0);
            }
            else if (c == '}' && Next(source, i) == '}')
            {
                var third = i + 2 < source.Length && source[i + 2] == '}';
                if (triple && third)
                {
                    return (i, 3);
                }

                if (!triple && !third)
                {
                    return (i, 2);
                }

                issues.Add(new(line, triple
                    ? "'{{{' must be closed with '}}}'"
                    : "'{{' is closed with '}}}'; use '{{{…}}}' for unescaped output, or put a space before a literal '}' (e.g. '{{x}} }')"));
                return (-1, 0);
            }
        }

        issues.Add(new(line, quote != '\0'
            ? $"string literal in '{opener}' is never closed; end it with {quote} and close the tag with '{Closer(triple)}'"
            : $"'{opener}' is never closed; add '{Closer(triple)}'"));
        return (-1, 0);
    }

    private static char Next(string source, int i) => i + 1 < source.Length ? source[i + 1] : '\0';

    private static string Closer(bool triple) => triple ? "}}}" : "}}";

    private static MustacheTag MakeTag(string raw, bool triple, int line)
    {
        var body = raw.Trim();
        if (body.StartsWith('~'))
        {
            body = body[1..];
        }

        if (body.EndsWith('~'))
        {
            body = body[..^1];
        }

        if (triple)
        {
            return new(MustacheTagKind.Unescaped, body.Trim(), line);
        }

        if (body.Length == 0)
        {
            return new(MustacheTagKind.Expression, "", line);
        }

        var rest = body[1..].Trim();
        switch (body[0])
        {
            case '#' when rest.StartsWith('>'):
                return new(MustacheTagKind.PartialBlock, rest[1..].Trim(), line);
            case '#' when rest.StartsWith('*'):
                return new(MustacheTagKind.InlinePartial, rest[1..].Trim(), line);
            case '#':
                return new(MustacheTagKind.BlockOpen, rest, line);
            case '/':
                return new(MustacheTagKind.BlockClose, rest, line);
            case '^':
                return new(MustacheTagKind.Inverse, rest, line);
            case '>':
                return new(MustacheTagKind.Partial, rest, line);
            case '*':
                return new(MustacheTagKind.Decorator, rest, line);
            case '&':
                return new(MustacheTagKind.Ampersand, rest, line);
        }

        body = body.Trim();
        if (body == "else")
        {
            return new(MustacheTagKind.Else, "", line);
        }

        if (body.StartsWith("else", StringComparison.Ordinal) && char.IsWhiteSpace(body[4]))
        {
            return new(MustacheTagKind.Else, body[4..].Trim(), line);
        }

        return new(MustacheTagKind.Expression, body, line);
    }
}
