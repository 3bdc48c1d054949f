using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trellis.Server.Auth;

namespace Trellis.Server.Admin;

/// <summary>The admin API under <c>/api/</c>: every endpoint needs the workspace's secret key and sees only that workspace.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<SecretKeyFilter>();
        JourneyEndpoints.Map(api);
        ProfileEndpoints.Map(api);
        InboxEndpoints.Map(api);
        KeyEndpoints.Map(api);
        TemplateEndpoints.Map(api);
    }
}
