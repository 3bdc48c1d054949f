using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Whether a request's <c>Origin</c> header (sent by browsers on POST) names this server. No header: allowed,
/// since non-browser clients do not send one and browsers always do on cross-origin POSTs.
/// </summary>
internal static class SameOrigin
{
    public static bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
