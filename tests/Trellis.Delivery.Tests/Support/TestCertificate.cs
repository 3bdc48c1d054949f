using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Trellis.Delivery.Tests.Support;

/// <summary>
/// A self-signed certificate for 127.0.0.1, made once per test run, so the server under test speaks HTTPS: its
/// unsubscribe links must be https (RFC 8058), and the tests follow them for real.
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<(string Path, string Password, string Thumbprint)> Made = new(Make);

    public static string PfxPath => Made.Value.Path;

    public static string Password => Made.Value.Password;

    /// <summary>A client that trusts exactly this certificate (and nothing else it would not trust anyway).</summary>
    public static HttpClient Client(Uri baseAddress, bool followRedirects = true) =>
        new(Handler(followRedirects)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The handler behind <see cref="Client"/>, for code under test that takes a handler (the SNS certificate source).</summary>
    public static HttpClientHandler Handler(bool followRedirects)
    {
        var thumbprint = Made.Value.Thumbprint;
        return new HttpClientHandler
        {
            AllowAutoRedirect = followRedirects,
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None || certificate?.Thumbprint == thumbprint,
        };
    }

    private static (string, string, string) Make()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"trellis-delivery-tests-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password, certificate.Thumbprint);
    }
}
