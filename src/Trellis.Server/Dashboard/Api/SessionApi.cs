using Microsoft.AspNetCore.Http;
using Trellis.Server.Dashboard.Auth;
using Trellis.Server.Hosting;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// <c>GET /dashboard/api/session</c>: who is logged in, until when, and the anti-forgery token the page's script
/// sends with state-changing calls (the cookie itself is HttpOnly, so the script cannot read it).
/// </summary>
internal static class SessionApi
{
    public static IResult Get(HttpContext context)
    {
        var session = DashboardSessionReader.Of(context);
        return ApiResults.Ok(new
        {
            success = true,
            workspace = session.Workspace.Value,
            subject = session.Subject,
            expiresAt = session.ExpiresAt.ToString(),
            csrf = session.Csrf,
            csrfHeader = AntiForgeryFilter.HeaderName,
        });
    }
}
