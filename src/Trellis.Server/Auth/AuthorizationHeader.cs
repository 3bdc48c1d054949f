using System.Text;
using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Auth;

/// <summary>Reads credentials from the Authorization header: HTTP Basic (Segment's write key) and Bearer (the secret key).</summary>
internal static class AuthorizationHeader
{
    /// <summary>True when the request carries an Authorization header at all.</summary>
    public static bool IsPresent(HttpRequest request) => request.Headers.Authorization.Count > 0;

    /// <summary>The Basic user name (Segment sends the write key there with an empty password); null when absent or malformed.</summary>
    public static string? BasicUserName(HttpRequest request)
    {
        var value = Credentials(request, "Basic");
        if (value is null)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The Bearer token; null when absent or another scheme.</summary>
    public static string? BearerToken(HttpRequest request) => Credentials(request, "Bearer");

    private static string? Credentials(HttpRequest request, string scheme)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        if (header.Length <= scheme.Length || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header[scheme.Length] != ' ')
        {
            return null;
        }

        var value = header[(scheme.Length + 1)..].Trim();
        return value.Length == 0 ? null : value;
    }
}
