using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Trellis.Server.Dashboard.Assets;
using Trellis.Server.Hosting;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// <c>GET /login</c> (the form), <c>POST /login</c> (secret key, or user and password → session cookie) and
/// <c>POST /logout</c> (with the anti-forgery header).
/// </summary>
internal static class LoginEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", ShowAsync);
        app.MapPost("/login", LoginAsync).DisableAntiforgery();
        app.MapPost("/logout", Logout)
            .AddEndpointFilter<DashboardApiFilter>()
            .AddEndpointFilter<AntiForgeryFilter>();
    }

    private static async Task<IResult> ShowAsync(HttpContext context, DashboardSessionReader sessions, DashboardAssets assets)
    {
        if (await sessions.ReadAsync(context) is not null)
        {
            return Results.Redirect(LocalTarget.Of(context.Request.Query["next"]));
        }

        DashboardHeaders.ApplyPage(context.Response);
        return Results.Bytes(assets.Get("login.html").Content, "text/html; charset=utf-8");
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context, DashboardAuthenticator authenticator, SessionSigningKey key, LoginThrottle throttle)
    {
        DashboardHeaders.ApplyApi(context.Response);
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return ApiResults.Error(StatusCodes.Status415UnsupportedMediaType, "send the login form (application/x-www-form-urlencoded)");
        }

        if (!SameOrigin.Allows(request))
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, "cross-origin login refused");
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        var next = LocalTarget.Of(form["next"]);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(address))
        {
            return SeeOther(Retry("throttled", next));
        }

        var session = await authenticator.SignInAsync(form["key"], form["user"], form["password"], context.RequestAborted);
        if (session is null)
        {
            throttle.Failed(address);
            return SeeOther(Retry("invalid", next));
        }

        throttle.Succeeded(address);
        context.Response.Cookies.Append(SessionCookie.Name, SessionCookie.Encode(session, key), CookieOptions(context, session.ExpiresAt));
        return SeeOther(next);
    }

    private static IResult Logout(HttpContext context, RevokedSessions revoked, IClock clock)
    {
        var session = DashboardSessionReader.Of(context);
        revoked.Revoke(session, clock.GetCurrentInstant());
        context.Response.Cookies.Delete(SessionCookie.Name, CookieOptions(context, null));
        return ApiResults.Success();
    }

    private static CookieOptions CookieOptions(HttpContext context, Instant? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        Expires = expires?.ToDateTimeOffset(),
        IsEssential = true,
    };

    private static string Retry(string error, string next) =>
        $"/login?error={error}&next={Uri.EscapeDataString(next)}";

    /// <summary>303: the browser follows a form POST with a GET.</summary>
    private static IResult SeeOther(string location) => new SeeOtherResult(location);
}
