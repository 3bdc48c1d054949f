using Microsoft.AspNetCore.Http;
using Trellis.Storage;

namespace Trellis.Server.Auth;

/// <summary>
/// The workspace an admin request was authenticated for. Handlers take the workspace only from here, never
/// from the request, so one workspace's secret key cannot name another workspace's data.
/// </summary>
public static class AdminWorkspace
{
    private static readonly object ItemKey = new();

    internal static void Set(HttpContext context, WorkspaceId workspace) => context.Items[ItemKey] = workspace;

    public static WorkspaceId Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is WorkspaceId workspace
            ? workspace
            : throw new InvalidOperationException("The request did not pass the secret key check.");
}
