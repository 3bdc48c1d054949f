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

    public Uri Unsubscribe(string workspace, string personId, string? sendId = null) =>
        Link(UnsubscribePath, tokens.Issue(TokenPurpose.Unsubscribe, workspace, personId, options.UnsubscribeLifetime, reference: sendId));

    public Uri Preferences(string workspace, string personId) =>
        Link(PreferencesPath, tokens.Issue(TokenPurpose.Preferences, workspace, personId, options.PreferencesLifetime));

    public Uri OpenPixel(string workspace, string personId, string sendId) =>
        Link(OpenPath, tokens.Issue(TokenPurpose.Open, workspace, personId, options.OpenLifetime, reference: sendId));

    /// <summary>The destination is inside the signed token, so the redirect can only go where the message pointed.</summary>
    public Uri Click(string workspace, string personId, string sendId, string destination) =>
        Link(ClickPath, tokens.Issue(TokenPurpose.Click, workspace, personId, options.ClickLifetime, destination, sendId));

    private Uri Link(string path, string token)
    {
        if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var root))
        {
            throw new InvalidOperationException("Urls:Public must be an absolute URL to build recipient links");
        }

        return new Uri($"{root.AbsoluteUri.TrimEnd('/')}/{path}/{token}");
    }
}
