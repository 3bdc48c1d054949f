using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trellis.Channels.Webhooks;

/// <summary>
/// Signs outbound webhook bodies so receivers can tell they came from us and were not replayed:
/// <c>X-Trellis-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c> with
/// <c>X-Trellis-Timestamp</c> in Unix seconds. Binding the timestamp into the MAC lets a receiver
/// reject old requests without trusting an unsigned header.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Trellis-Signature";
    public const string TimestampHeader = "X-Trellis-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>For receivers (and tests): the signature matches and the timestamp is within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? timestampHeader, string body, string? signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || signatureHeader is null)
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
