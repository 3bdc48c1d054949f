using Trellis.Channels.Tracking;

namespace Trellis.Server.Delivery;

/// <summary>
/// Adds engagement tracking to a marketing email's HTML: links become signed click redirects and an open pixel is
/// appended. The message's own unsubscribe and preference links are left as they are: a link scanner following
/// them must not count as a click, and the recipient must see where they lead.
/// </summary>
public static class EmailTracking
{
    public static string Rewrite(string html, RecipientLinks links, string workspace, string personId, SendReference send)
    {
        ArgumentNullException.ThrowIfNull(links);
        var sendId = send.ToString();
        var root = links.LinkRoot;
        return TrackingHtmlRewriter.Rewrite(
            html,
            destination => links.ClickUrl(workspace, personId, sendId, destination),
            links.OpenPixelUrl(workspace, personId, sendId),
            url => IsRecipientPage(url, root));
    }

    /// <summary>A link to this server's unsubscribe or preference pages (compared as absolute URIs, like the root).</summary>
    private static bool IsRecipientPage(string url, string root) =>
        url.Length > root.Length + 1
        && url.StartsWith(root, StringComparison.OrdinalIgnoreCase)
        && url[root.Length] == '/'
        && (IsUnder(url, root.Length + 1, RecipientLinks.UnsubscribePath) || IsUnder(url, root.Length + 1, RecipientLinks.PreferencesPath));

    private static bool IsUnder(string url, int at, string path) =>
        url.AsSpan(at).StartsWith(path, StringComparison.OrdinalIgnoreCase)
        && url.Length > at + path.Length
        && url[at + path.Length] == '/';
}
