using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Trellis.Channels.Feedback;

/// <summary>
/// Checks an SNS message's signature with the public key of its signing certificate: RSA PKCS#1 v1.5 over
/// <see cref="SnsStringToSign"/>, with SHA-1 for SignatureVersion 1 and SHA-256 for 2. Only the cryptography:
/// where the certificate may come from, and whether it is still valid, the caller decides.
/// </summary>
public static class SnsSignature
{
    /// <summary>The hash of a SignatureVersion, or null for a version SNS does not define.</summary>
    public static HashAlgorithmName? HashOf(string signatureVersion) => signatureVersion switch
    {
        // SHA-1 because SNS still signs version 1 with it (the topic's default); we only verify, never sign.
        "1" => HashAlgorithmName.SHA1,
        "2" => HashAlgorithmName.SHA256,
        _ => null,
    };

    public static bool IsValid(SnsMessage message, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(certificate);
        if (HashOf(message.SignatureVersion) is not { } hash)
        {
            return false;
        }

        using var key = certificate.GetRSAPublicKey();
        if (key is null)
        {
            return false;
        }

        try
        {
            var signature = Convert.FromBase64String(message.Signature);
            return key.VerifyData(Encoding.UTF8.GetBytes(SnsStringToSign.Build(message)), signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
