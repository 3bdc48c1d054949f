using Microsoft.AspNetCore.Http;
using NodaTime;
using Trellis.Server.Admin;
using Trellis.Server.Dashboard.Auth;
using Trellis.Server.Hosting;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// <c>POST /dashboard/api/journeys/{id}/publish|pause</c> (session + anti-forgery header): the same rules as the
/// admin API — a journey that no longer validates is not published — and the engine runs the change at once.
/// </summary>
internal static class JourneyStatusApi
{
    public static async Task<IResult> PublishAsync(
        string id, HttpContext context, ITrellisStore store, ContentFolder content, WorkspaceContentRegistry registry, IClock clock)
    {
        var session = DashboardSessionReader.Of(context);
        if (await store.Journeys.GetAsync(session.Workspace, id, context.RequestAborted) is not { } journey)
        {
            return NotFound(id);
        }

        var validation = JourneyUploadValidator.Validate(id, journey.SourceYaml, content);
        if (!validation.IsValid)
        {
            return ApiResults.ValidationFailed("the journey does not validate, so it cannot be published", validation.Errors);
        }

        return await SetAsync(id, JourneyStatus.Live, $"published in the dashboard by {session.Subject}", context, store, registry, clock);
    }

    public static Task<IResult> PauseAsync(string id, HttpContext context, ITrellisStore store, WorkspaceContentRegistry registry, IClock clock) =>
        SetAsync(id, JourneyStatus.Paused, $"paused in the dashboard by {DashboardSessionReader.Of(context).Subject}", context, store, registry, clock);

    private static async Task<IResult> SetAsync(
        string id, JourneyStatus status, string reason, HttpContext context, ITrellisStore store, WorkspaceContentRegistry registry, IClock clock)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        if (!await store.Journeys.SetStatusAsync(workspace, id, status, reason, clock.GetCurrentInstant(), context.RequestAborted))
        {
            return NotFound(id);
        }

        await registry.ReloadAsync(workspace, context.RequestAborted);
        return ApiResults.Ok(new { success = true, id, status = JourneyStatusNames.Of(status), statusReason = reason });
    }

    private static IResult NotFound(string id) => ApiResults.Error(StatusCodes.Status404NotFound, $"no journey '{id}' in this workspace");
}
