using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trellis.Server.Hosting;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// For state-changing dashboard calls, after <see cref="DashboardApiFilter"/>: besides the SameSite=Strict
/// cookie, the request must carry the session's anti-forgery token in <see cref="HeaderName"/> (which only
/// the dashboard's own script can read, from <c>/dashboard/api/session</c>) and, when the browser says where
/// it comes from, come from this origin.
/// </summary>
internal sealed class AntiForgeryFilter : IEndpointFilter
{
    public const string HeaderName = "X-Trellis-Csrf";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var session = DashboardSessionReader.Of(http);
        var token = http.Request.Headers[HeaderName].ToString();
        if (token.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(session.Csrf)))
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, $"missing or wrong {HeaderName} header (anti-forgery token)");
        }

        if (!SameOrigin.Allows(http.Request))
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, "cross-origin request refused");
        }

        return await next(context);
    }
}
