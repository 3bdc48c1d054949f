using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Trellis.Channels.Email;

/// <summary>
/// A readable plain-text version of an HTML email, for the text/plain part when a template only
/// has HTML. Mail clients and spam filters both expect the text alternative to carry the content.
/// Not a renderer: block elements become line breaks, links keep their URL, the rest is dropped.
/// </summary>
public static partial class HtmlToText
{
    public static string Convert(string html)
    {
        var text = InvisibleBlocks().Replace(html, "");
        text = Comments().Replace(text, "");
        text = Links().Replace(text, m => LinkText(m.Groups["href"].Value, m.Groups["text"].Value));
        text = LineBreaks().Replace(text, "\n");
        text = ListItems().Replace(text, "\n- ");
        text = BlockEnds().Replace(text, "\n\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return Tidy(text);
    }

    private static string LinkText(string href, string inner)
    {
        var label = WebUtility.HtmlDecode(Tags().Replace(inner, "")).Trim();
        var url = WebUtility.HtmlDecode(href).Trim();
        if (url.Length == 0 || url.StartsWith('#') || label == url)
        {
            return label.Length > 0 ? label : url;
        }

        return label.Length > 0 ? $"{label} ({url})" : url;
    }

    private static string Tidy(string text)
    {
        var result = new StringBuilder();
        var blankLines = 0;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = Spaces().Replace(raw, " ").Trim();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blankLines = 0;
        }

        return result.ToString();
    }

    [GeneratedRegex(@"<(script|style|head|title)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InvisibleBlocks();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*[""'](?<href>[^""']*)[""'][^>]*>(?<text>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Links();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItems();

    [GeneratedRegex(@"</?(p|div|h[1-6]|tr|table|ul|ol|blockquote|section|article|header|footer)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
