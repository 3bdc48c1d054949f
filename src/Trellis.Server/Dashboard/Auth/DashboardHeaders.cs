using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Response headers of the dashboard. Pages load only their own scripts and styles (no CDN, no inline code),
/// cannot be framed elsewhere, and personal data is never cached.
/// </summary>
internal static class DashboardHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// A rendered email inside the preview frame: its own inline styles and remote images as a mail client would
    /// show them, but no script, no form, no plugin; only the dashboard may frame it.
    /// </summary>
    public const string PreviewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:; font-src data:; "
        + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    public static void ApplyPage(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = PagePolicy;
        Common(response);
    }

    public static void ApplyApi(HttpResponse response) => Common(response);

    public static void ApplyPreview(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = PreviewPolicy;
        Common(response);
    }

    private static void Common(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
    }
}
