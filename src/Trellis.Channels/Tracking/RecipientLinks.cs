using Trellis.Channels.Tokens;

namespace Trellis.Channels.Tracking;

/// <summary>
/// Builds the signed URLs a message carries: <c>/unsubscribe/{token}</c>, <c>/preferences/{token}</c>
/// (SPEC §7), the open pixel <c>/t/open/{token}</c> and click redirects <c>/t/click/{token}</c>.
/// </summary>
public sealed class RecipientLinks(RecipientLinkOptions options, RecipientTokens tokens)
{
    public const string UnsubscribePath = "unsubscribe";
    public const string PreferencesPath = "preferences";
    public const string OpenPath = "t/open";
    public const string ClickPath = "t/click";

    // The public URL may change at run time (PublicBaseUrl.Adopt), so the parsed root is cached per value;
    // a reference (not a struct) so threads swap it atomically.
    private Tuple<string, string>? _root;

    public Uri Unsubscribe(string workspace, string personId, string? sendId = null) =>
        new(UnsubscribeUrl(workspace, personId, sendId));

    public Uri Preferences(string workspace, string personId) => new(PreferencesUrl(workspace, personId));

    /// <summary>The unsubscribe link as text: the send path needs the string, and parsing it into a Uri costs as much as signing it.</summary>
    public string UnsubscribeUrl(string workspace, string personId, string? sendId = null) =>
        Link(UnsubscribePath, tokens.Issue(TokenPurpose.Unsubscribe, workspace, personId, options.UnsubscribeLifetime, reference: sendId));

    public string PreferencesUrl(string workspace, string personId) =>
        Link(PreferencesPath, tokens.Issue(TokenPurpose.Preferences, workspace, personId, options.PreferencesLifetime));

    public Uri OpenPixel(string workspace, string personId, string sendId) => new(OpenPixelUrl(workspace, personId, sendId));

    /// <summary>The open pixel's URL as text (already in absolute-URI form: the dispatcher need not parse it).</summary>
    public string OpenPixelUrl(string workspace, string personId, string sendId) =>
        Link(OpenPath, tokens.Issue(TokenPurpose.Open, workspace, personId, options.OpenLifetime, reference: sendId));

    /// <summary>The destination is inside the signed token, so the redirect can only go where the message pointed.</summary>
    public Uri Click(string workspace, string personId, string sendId, string destination) => new(ClickUrl(workspace, personId, sendId, destination));

    /// <summary>A click redirect's URL as text (already in absolute-URI form: the dispatcher need not parse it).</summary>
    public string ClickUrl(string workspace, string personId, string sendId, string destination) =>
        Link(ClickPath, tokens.Issue(TokenPurpose.Click, workspace, personId, options.ClickLifetime, destination, sendId));

    /// <summary>The root every recipient link starts with (the public URL in absolute-URI form, no trailing slash).</summary>
    public string LinkRoot => Root();

    private string Link(string path, string token) => string.Concat(Root(), "/", path, "/", token);

    private string Root()
    {
        var configured = options.PublicUrl;
        if (_root is { } cached && ReferenceEquals(cached.Item1, configured))
        {
            return cached.Item2;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var root))
        {
            throw new InvalidOperationException("Urls:Public must be an absolute URL to build recipient links");
        }

        var text = root.AbsoluteUri.TrimEnd('/');
        _root = Tuple.Create(configured, text);
        return text;
    }
}
