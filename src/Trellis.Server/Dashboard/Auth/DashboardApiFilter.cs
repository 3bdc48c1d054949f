using Microsoft.AspNetCore.Http;
using Trellis.Server.Hosting;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Guards the dashboard's JSON API: a valid session cookie, else 401. Answers are never cached: they hold
/// personal data.
/// </summary>
internal sealed class DashboardApiFilter(DashboardSessionReader sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        DashboardHeaders.ApplyApi(http.Response);
        if (await sessions.ReadAsync(http) is null)
        {
            return ApiResults.Error(StatusCodes.Status401Unauthorized, "log in to the dashboard first (POST /login)");
        }

        return await next(context);
    }
}
