using System.Text;

namespace Trellis.Templates.Scanning;

/// <summary>
/// Splits a tag body such as <c>date event.at "yyyy-MM-dd HH:mm" (lower x) key=1</c> into tokens.
/// Quoted text keeps its spaces; <c>[segment literals]</c> stay inside their word.
/// </summary>
internal static class TagTokenizer
{
    /// <summary>Characters that Handlebars never accepts in a path or literal outside [brackets].</summary>
    private const string ForbiddenInWords = "!#%&*+,;<>\\^`{}~";

    public static IReadOnlyList<TagToken> Tokenize(string body, out string? error)
    {
        var tokens = new List<TagToken>();
        error = null;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '=' or '|')
            {
                tokens.Add(new(Punctuation(c), c.ToString()));
                i++;
            }
            else if (c is '"' or '\'')
            {
                var text = ReadQuoted(body, ref i, out error);
                if (error is not null)
                {
                    return tokens;
                }

                tokens.Add(new(TagTokenKind.Text, text));
            }
            else
            {
                var word = ReadWord(body, ref i, out error);
                if (error is not null)
                {
                    return tokens;
                }

                tokens.Add(new(TagTokenKind.Word, word));
            }
        }

        return tokens;
    }

    private static TagTokenKind Punctuation(char c) => c switch
    {
        '(' => TagTokenKind.OpenParen,
        ')' => TagTokenKind.CloseParen,
        '=' => TagTokenKind.Equals,
        _ => TagTokenKind.Pipe,
    };

    private static string ReadQuoted(string body, ref int i, out string? error)
    {
        var quote = body[i];
        var text = new StringBuilder();
        for (i++; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                text.Append(body[++i]);
            }
            else if (c == quote)
            {
                i++;
                error = null;
                return text.ToString();
            }
            else
            {
                text.Append(c);
            }
        }

        error = $"string literal is never closed; end it with {quote}";
        return "";
    }

    private static string ReadWord(string body, ref int i, out string? error)
    {
        var start = i;
        while (i < body.Length && !char.IsWhiteSpace(body[i]) && body[i] is not ('(' or ')' or '=' or '|' or '"' or '\''))
        {
            if (body[i] == '[')
            {
                var close = body.IndexOf(']', i + 1);
                if (close < 0)
                {
                    error = $"'[' in '{body[start..]}' is never closed; add ']'";
                    return "";
                }

                i = close + 1;
                continue;
            }

            if (ForbiddenInWords.Contains(body[i]))
            {
                error = $"unexpected '{body[i]}' in '{ReadToBlank(body, start)}'; paths are names joined by '.', e.g. profile.first_name";
                return "";
            }

            i++;
        }

        error = null;
        return body[start..i];
    }

    private static string ReadToBlank(string body, int start)
    {
        var end = start;
        while (end < body.Length && !char.IsWhiteSpace(body[end]))
        {
            end++;
        }

        return body[start..end];
    }
}
