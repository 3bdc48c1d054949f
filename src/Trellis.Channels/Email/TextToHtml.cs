using System.Net;
using System.Text;

namespace Trellis.Channels.Email;

/// <summary>
/// A plain HTML version of a text-only email, so every email goes out as multipart/alternative
/// with both parts: paragraphs at blank lines, line breaks kept, everything else escaped.
/// </summary>
public static class TextToHtml
{
    public static string Convert(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>")
                .AppendJoin("<br>", paragraph.Split('\n').Select(WebUtility.HtmlEncode))
                .Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
