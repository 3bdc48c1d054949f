using System.Globalization;
using System.Text.RegularExpressions;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Which SigningCertURLs may be fetched at all, decided before any network call: the message names its own
/// certificate, so without this a forger would simply point at a certificate of their own. <see cref="Amazon"/>
/// (the only one configuration can give) accepts https on the default port to <c>sns.{region}.amazonaws.com</c> or
/// <c>sns.{region}.amazonaws.com.cn</c>, a path ending in <c>.pem</c>, and nothing else (no user, query or fragment).
/// </summary>
public sealed partial class SnsCertificateOrigin
{
    private readonly Func<Uri, bool> _hostAllowed;
    private readonly string _expected;

    private SnsCertificateOrigin(Func<Uri, bool> hostAllowed, string expected)
    {
        _hostAllowed = hostAllowed;
        _expected = expected;
    }

    public static SnsCertificateOrigin Amazon { get; } = new(url => url.IsDefaultPort && AmazonSnsHost().IsMatch(url.Host), "sns.<region>.amazonaws.com");

    /// <summary>
    /// Only <paramref name="host"/>:<paramref name="port"/>, still over https: for tests, which serve certificates
    /// they made from a local server. Reachable only from code (a service registration), never from configuration.
    /// </summary>
    public static SnsCertificateOrigin Only(string host, int port) => new(
        url => url.Port == port && string.Equals(url.Host, host, StringComparison.OrdinalIgnoreCase),
        string.Create(CultureInfo.InvariantCulture, $"{host}:{port}"));

    /// <summary>Null when the certificate may be fetched from <paramref name="signingCertUrl"/>; otherwise why not.</summary>
    public string? Refuse(string signingCertUrl)
    {
        if (!Uri.TryCreate(signingCertUrl, UriKind.Absolute, out var url))
        {
            return "the SigningCertURL is not an absolute URL";
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return $"the SigningCertURL must be https, not {url.Scheme}";
        }

        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return "the SigningCertURL must not carry a user, a query or a fragment";
        }

        if (!_hostAllowed(url))
        {
            return $"the SigningCertURL host '{url.Authority}' is not an Amazon SNS host ({_expected})";
        }

        return url.AbsolutePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) ? null : "the SigningCertURL does not name a .pem certificate";
    }

    [GeneratedRegex(@"^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmazonSnsHost();
}
