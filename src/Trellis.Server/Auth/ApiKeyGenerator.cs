using System.Security.Cryptography;
using Trellis.Storage;

namespace Trellis.Server.Auth;

/// <summary>
/// New random keys: 32 bytes from the OS generator, base64url, with a prefix that tells a leaked key's kind
/// at a glance (and lets secret scanners match it). Only their SHA-256 is stored.
/// </summary>
public static class ApiKeyGenerator
{
    public static string New(KeyKind kind)
    {
        var prefix = kind == KeyKind.Write ? "trw_" : "trs_";
        return prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
