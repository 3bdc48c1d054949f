using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Trellis.Channels.Tokens;

/// <summary>
/// Signed tokens for links that recipients follow (unsubscribe, preferences, open pixel, click).
/// A token is <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c> where payload is
/// the JSON array [version, key id, purpose, workspace, subject, extra, reference, expiry]. The
/// signature is compared in constant time; purpose and expiry are checked only after it matches,
/// so a refusal reveals nothing about a forged token's content.
/// </summary>
public sealed class RecipientTokens(SigningKeyRing keys, TimeProvider time)
{
    private const int Version = 1;

    // Long enough for a click token on any sane URL; anything longer is refused before decoding.
    private const int MaxTokenLength = 8192;

    public string Issue(TokenPurpose purpose, string workspace, string subject, TimeSpan lifetime, string? extra = null, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(subject);
        var key = keys.Current;
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        return TokenPayloadWriter.Issue(key, Version, PurposeName(purpose), workspace, subject, extra, reference, expires);
    }

    public TokenVerification Verify(string? token, TokenPurpose expectedPurpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return TokenVerification.Refused(TokenRefusal.Malformed);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != token.LastIndexOf('.') || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var signature))
        {
            return TokenVerification.Refused(TokenRefusal.Malformed);
        }

        var claims = ReadPayload(payload);
        if (claims is null)
        {
            return TokenVerification.Refused(TokenRefusal.Malformed);
        }

        if (!keys.TryGet(claims.KeyId, out var key))
        {
            return TokenVerification.Refused(TokenRefusal.UnknownKey);
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key.Secret, payload), signature))
        {
            return TokenVerification.Refused(TokenRefusal.BadSignature);
        }

        if (claims.Purpose != expectedPurpose)
        {
            return TokenVerification.Refused(TokenRefusal.WrongPurpose);
        }

        return time.GetUtcNow() >= claims.ExpiresAt
            ? TokenVerification.Refused(TokenRefusal.Expired)
            : TokenVerification.Valid(claims);
    }

    private static TokenClaims? ReadPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var a = document.RootElement;
            if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() != 8 || !a[0].TryGetInt32(out var version) || version != Version
                || !TryParsePurpose(a[2].GetString(), out var purpose) || !a[7].TryGetInt64(out var expires))
            {
                return null;
            }

            return new TokenClaims(
                a[1].GetString() ?? "", purpose, a[3].GetString() ?? "", a[4].GetString() ?? "",
                a[5].ValueKind == JsonValueKind.Null ? null : a[5].GetString(),
                a[6].ValueKind == JsonValueKind.Null ? null : a[6].GetString(),
                DateTimeOffset.FromUnixTimeSeconds(expires));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Decodes base64url and insists on the canonical spelling, so no two strings are the same token.</summary>
    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return Base64Url.EncodeToString(bytes) == text;
    }

    private static string PurposeName(TokenPurpose purpose) => purpose switch
    {
        TokenPurpose.Unsubscribe => "unsubscribe",
        TokenPurpose.Preferences => "preferences",
        TokenPurpose.Open => "open",
        _ => "click",
    };

    private static bool TryParsePurpose(string? name, out TokenPurpose purpose)
    {
        foreach (var candidate in Enum.GetValues<TokenPurpose>())
        {
            if (PurposeName(candidate) == name)
            {
                purpose = candidate;
                return true;
            }
        }

        purpose = default;
        return false;
    }
}
