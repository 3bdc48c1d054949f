using System.Security.Cryptography.X509Certificates;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Where SNS signing certificates come from. The verifier has already checked the URL against
/// <see cref="SnsCertificateOrigin"/>; a source only fetches (and may cache).
/// </summary>
public interface ISnsCertificateSource
{
    /// <exception cref="SnsCertificateUnavailableException">The certificate could not be fetched or read.</exception>
    Task<X509Certificate2> GetAsync(Uri url, CancellationToken cancellationToken);
}
