using System.Security.Cryptography;
using System.Text;

namespace Trellis.Channels.Feedback;

/// <summary>
/// Twilio's request signature: <c>X-Twilio-Signature</c> = Base64(HMAC-SHA1(auth token, URL + each
/// POST parameter, sorted by name, as name followed by value)). The URL must be the one Twilio
/// called, exactly (scheme, host, port, query), not the one a proxy rewrote.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        // As Twilio's own libraries do: ordinal order by name, a repeated name's values sorted and
        // each distinct name/value pair signed once.
        foreach (var (name, value) in parameters.Distinct().OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(authToken, url, parameters));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim()));
    }
}
