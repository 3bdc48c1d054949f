using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>A 303 See Other redirect: after a form POST the browser loads the target with GET.</summary>
internal sealed class SeeOtherResult(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
