using System.Net;
using System.Text.RegularExpressions;
using Trellis.Channels.Tracking;

namespace Trellis.Server.Delivery;

/// <summary>
/// Adds engagement tracking to a marketing email's HTML: links become signed click redirects and an open pixel is
/// appended. The message's own unsubscribe and preference links are left as they are: a link scanner following
/// them must not count as a click, and the recipient must see where they lead.
/// </summary>
public static partial class EmailTracking
{
    public static string Rewrite(string html, RecipientLinks links, PublicBaseUrl publicUrl, string workspace, string personId, SendReference send)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(publicUrl);
        var sendId = send.ToString();
        return TrackingHtmlRewriter.Rewrite(
            html,
            destination => links.Click(workspace, personId, sendId, destination),
            links.OpenPixel(workspace, personId, sendId),
            RecipientPageLinks(html, publicUrl.Value));
    }

    /// <summary>Links in the HTML that point at this server's unsubscribe or preference pages.</summary>
    private static List<Uri> RecipientPageLinks(string html, string root)
    {
        var pages = new[] { $"{root}/{RecipientLinks.UnsubscribePath}/", $"{root}/{RecipientLinks.PreferencesPath}/" };
        var found = new List<Uri>();
        foreach (Match href in Hrefs().Matches(html))
        {
            var url = WebUtility.HtmlDecode(href.Groups["url"].Value).Trim();
            if (pages.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                found.Add(uri);
            }
        }

        return found;
    }

    // No backreference to the quote: a case-insensitive one sends the source generator back to the interpreter.
    [GeneratedRegex(@"\bhref\s*=\s*(?:""(?<url>[^""]*)""|'(?<url>[^']*)')", RegexOptions.IgnoreCase)]
    private static partial Regex Hrefs();
}
