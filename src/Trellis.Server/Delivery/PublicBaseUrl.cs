using Trellis.Channels.Tracking;

namespace Trellis.Server.Delivery;

/// <summary>
/// The address recipients reach the server at (<c>Trellis:Urls:Public</c>), the root of every link in messages
/// and of the URL Twilio signs. When it is not configured it follows the server: the first address Kestrel
/// listens on once it has started (so a port chosen by the OS is right), <see cref="DefaultUrl"/> until then.
/// </summary>
public sealed class PublicBaseUrl
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public PublicBaseUrl(string? configured)
    {
        IsConfigured = !string.IsNullOrWhiteSpace(configured);
        LinkOptions = new RecipientLinkOptions { PublicUrl = Normalize(IsConfigured ? configured! : DefaultUrl) };
    }

    /// <summary>The options <see cref="RecipientLinks"/> reads on every link, so a later <see cref="Adopt"/> applies at once.</summary>
    public RecipientLinkOptions LinkOptions { get; }

    public bool IsConfigured { get; }

    /// <summary>Without a trailing slash, e.g. <c>https://trellis.acme.example</c>.</summary>
    public string Value => LinkOptions.PublicUrl;

    /// <summary>Takes the server's own address when none was configured; a configured one always wins.</summary>
    public void Adopt(string listeningAddress)
    {
        if (!IsConfigured && Uri.TryCreate(listeningAddress, UriKind.Absolute, out _))
        {
            LinkOptions.PublicUrl = Normalize(listeningAddress);
        }
    }

    /// <summary>The absolute URL of a path on this server (e.g. <c>/hooks/twilio</c>) as seen from outside.</summary>
    public string Of(string pathAndQuery) => Value + pathAndQuery;

    private static string Normalize(string url)
    {
        var trimmed = url.Trim().TrimEnd('/');
        // Kestrel reports wildcard bindings as http://[::]:port or http://0.0.0.0:port: not reachable as such.
        return trimmed.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
    }
}
