using System.Net;
using System.Text.RegularExpressions;

namespace Trellis.Channels.Tracking;

/// <summary>
/// Prepares HTML for engagement tracking: each http(s) link becomes a click redirect and an open
/// pixel goes before &lt;/body&gt;. Left alone: mailto:/tel:/anchors, links marked
/// <c>data-trellis-notrack</c>, and the unsubscribe and preference links (wrapping those would make
/// a click scanner's visit look like engagement and hide the real URL).
/// </summary>
public static partial class TrackingHtmlRewriter
{
    /// <param name="trackClick">Maps a destination URL to its click-redirect URL.</param>
    /// <param name="openPixel">The pixel URL, or null for no pixel.</param>
    /// <param name="untracked">URLs to leave as they are (unsubscribe, preferences).</param>
    public static string Rewrite(string html, Func<string, Uri> trackClick, Uri? openPixel, IEnumerable<Uri>? untracked = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var skip = new HashSet<string>((untracked ?? []).Select(u => u.AbsoluteUri), StringComparer.Ordinal);
        var result = AnchorTags().Replace(html, tag => RewriteAnchor(tag, trackClick, skip));
        return openPixel is null ? result : AddPixel(result, openPixel);
    }

    private static string RewriteAnchor(Match tag, Func<string, Uri> trackClick, HashSet<string> skip)
    {
        if (tag.Value.Contains("data-trellis-notrack", StringComparison.OrdinalIgnoreCase))
        {
            return tag.Value;
        }

        return Href().Replace(tag.Value, href =>
        {
            var quote = href.Groups["quote"].Value;
            var destination = WebUtility.HtmlDecode(href.Groups["url"].Value).Trim();
            if (!Uri.TryCreate(destination, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || skip.Contains(uri.AbsoluteUri))
            {
                return href.Value;
            }

            var tracked = WebUtility.HtmlEncode(trackClick(destination).AbsoluteUri);
            return $"{href.Groups["prefix"].Value}{quote}{tracked}{quote}";
        }, 1);
    }

    private static string AddPixel(string html, Uri pixel)
    {
        var img = $"<img src=\"{WebUtility.HtmlEncode(pixel.AbsoluteUri)}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none;border:0\" />";
        var bodyEnd = html.LastIndexOf("</body", StringComparison.OrdinalIgnoreCase);
        return bodyEnd < 0 ? html + img : html.Insert(bodyEnd, img);
    }

    [GeneratedRegex(@"<a\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorTags();

    [GeneratedRegex(@"(?<prefix>\bhref\s*=\s*)(?<quote>[""'])(?<url>.*?)\k<quote>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Href();
}
