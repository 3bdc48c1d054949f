using Microsoft.AspNetCore.Http;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Auth;

/// <summary>Guards the admin API: <c>Authorization: Bearer &lt;secret key&gt;</c>, else 401 before the handler runs.</summary>
internal sealed class SecretKeyFilter : IEndpointFilter
{
    private readonly WorkspaceKeyLookup _keys;

    public SecretKeyFilter(WorkspaceKeyLookup keys)
    {
        _keys = keys;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = AuthorizationHeader.BearerToken(http.Request);
        if (token is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiResults.Error(StatusCodes.Status401Unauthorized, "missing secret key: send Authorization: Bearer <secret key>");
        }

        var workspace = await _keys.FindAsync(KeyKind.Secret, token, http.RequestAborted);
        if (workspace is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return ApiResults.Error(StatusCodes.Status401Unauthorized, "invalid secret key");
        }

        AdminWorkspace.Set(http, workspace.Value);
        return await next(context);
    }
}
