using System.Security.Cryptography;
using System.Text;

namespace Trellis.Channels.Feedback;

/// <summary>
/// SendGrid's signed event webhook: an ECDSA (P-256, SHA-256) signature, base64 DER, over the
/// timestamp header followed by the raw body, checked with the account's verification key
/// (base64 SubjectPublicKeyInfo, as SendGrid shows it).
/// </summary>
public static class SendGridSignature
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public static bool IsValid(string publicKeyBase64, string? timestamp, string body, string? signatureBase64)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatureBase64))
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKeyBase64), out _);
            return key.VerifyData(
                Encoding.UTF8.GetBytes(timestamp + body),
                Convert.FromBase64String(signatureBase64),
                HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
