using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Text.Json;
using NodaTime;
using Trellis.Measurement.Reports;
using Trellis.Server.Admin.Reports;
using Trellis.Server.Auth;
using Trellis.Server.Hosting;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Admin;

/// <summary>
/// <c>/api/journeys</c>: list, read, upload (validated), publish, pause, and the report (recounted from the stored trace). Every
/// change reloads the workspace's compiled content so the engine runs the new definition at once.
/// </summary>
internal static class JourneyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/journeys", ListAsync);
        api.MapGet("/journeys/{id}", GetAsync);
        api.MapPut("/journeys/{id}", PutAsync);
        api.MapPost("/journeys/{id}/publish", (string id, HttpContext context, ITrellisStore store, ContentFolder content, WorkspaceContentRegistry registry, IClock clock) =>
            PublishAsync(id, context, store, content, registry, clock));
        api.MapPost("/journeys/{id}/pause", (string id, HttpContext context, ITrellisStore store, WorkspaceContentRegistry registry, IClock clock) =>
            SetStatusAsync(id, JourneyStatus.Paused, "paused through the admin API", context, store, registry, clock));
        api.MapGet("/journeys/{id}/report", ReportAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ITrellisStore store)
    {
        var journeys = await store.Journeys.ListAsync(AdminWorkspace.Of(context), context.RequestAborted);
        return ApiResults.Ok(new { success = true, journeys = journeys.Select(j => Describe(j, includeSource: false)) });
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ITrellisStore store)
    {
        var journey = await store.Journeys.GetAsync(AdminWorkspace.Of(context), id, context.RequestAborted);
        return journey is null ? NotFound(id) : ApiResults.Ok(Describe(journey, includeSource: true));
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, ITrellisStore store, ContentFolder content, WorkspaceContentRegistry registry, IClock clock)
    {
        if (!JourneyIds.IsValid(id))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"journey id '{id}' is not valid: {JourneyIds.Rule}");
        }

        JourneyUpload upload;
        try
        {
            upload = await JourneyUploadReader.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (RequestRejectedException e)
        {
            return ApiResults.Error(e.Status, e.Message);
        }

        var validation = JourneyUploadValidator.Validate(id, upload.Source, content);
        if (!validation.IsValid)
        {
            return ApiResults.ValidationFailed("the journey is not valid", validation.Errors);
        }

        var workspace = AdminWorkspace.Of(context);
        JourneyRecord saved;
        try
        {
            saved = await store.Journeys.SaveSourceAsync(workspace, id, upload.Source, clock.GetCurrentInstant(), upload.ExpectedVersion, context.RequestAborted);
        }
        catch (VersionConflictException e)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict,
                $"journey '{id}' is at version {e.StoredVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not {upload.ExpectedVersion}: read it again and retry");
        }

        await registry.ReloadAsync(workspace, context.RequestAborted);
        return Results.Json(Describe(saved, includeSource: false), ApiResults.Json,
            statusCode: saved.Version == 1 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> PublishAsync(string id, HttpContext context, ITrellisStore store, ContentFolder content, WorkspaceContentRegistry registry, IClock clock)
    {
        // Templates may have changed since the upload: a journey that no longer validates is not published.
        var journey = await store.Journeys.GetAsync(AdminWorkspace.Of(context), id, context.RequestAborted);
        if (journey is null)
        {
            return NotFound(id);
        }

        var validation = JourneyUploadValidator.Validate(id, journey.SourceYaml, content);
        if (!validation.IsValid)
        {
            return ApiResults.ValidationFailed("the journey no longer validates against the workspace's templates", validation.Errors);
        }

        return await SetStatusAsync(id, JourneyStatus.Live, "published through the admin API", context, store, registry, clock);
    }

    private static async Task<IResult> SetStatusAsync(string id, JourneyStatus status, string reason, HttpContext context, ITrellisStore store, WorkspaceContentRegistry registry, IClock clock)
    {
        var workspace = AdminWorkspace.Of(context);
        if (!await store.Journeys.SetStatusAsync(workspace, id, status, reason, clock.GetCurrentInstant(), context.RequestAborted))
        {
            return NotFound(id);
        }

        await registry.ReloadAsync(workspace, context.RequestAborted);
        var journey = await store.Journeys.GetAsync(workspace, id, context.RequestAborted);
        return journey is null ? NotFound(id) : ApiResults.Ok(Describe(journey, includeSource: false));
    }

    private static async Task<IResult> ReportAsync(string id, HttpContext context, ITrellisStore store, ContentFolder content)
    {
        var workspace = AdminWorkspace.Of(context);
        if (await store.Journeys.GetAsync(workspace, id, context.RequestAborted) is not { } record)
        {
            return NotFound(id);
        }

        var validation = JourneyUploadValidator.Validate(record.JourneyId, record.SourceYaml, content);
        if (validation.Journey is not { } definition)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict,
                $"journey '{id}' does not validate against the content folder now, so its steps are unknown: {string.Join("; ", validation.Errors)}");
        }

        var report = await StoredJourneyReport.BuildAsync(store, workspace, definition, context.RequestAborted);
        // The report object is the one `trellis simulate` writes per journey (same serializer, same shape).
        return ApiResults.Ok(new { success = true, journey = id, report = JsonSerializer.SerializeToElement(report, ReportJson.Options) });
    }

    private static Dictionary<string, object?> Describe(JourneyRecord journey, bool includeSource)
    {
        var summary = JourneySummary.Read(journey.SourceYaml);
        var body = new Dictionary<string, object?>
        {
            ["success"] = true,
            ["id"] = journey.JourneyId,
            ["name"] = summary.Name,
            ["status"] = JourneyStatusNames.Of(journey.Status),
            ["statusReason"] = journey.StatusReason,
            ["priority"] = summary.Priority,
            ["version"] = journey.Version,
            ["updatedAt"] = journey.UpdatedAt.ToString(),
        };
        if (includeSource)
        {
            body["source"] = journey.SourceYaml;
        }

        return body;
    }

    private static IResult NotFound(string id) => ApiResults.Error(StatusCodes.Status404NotFound, $"no journey '{id}' in this workspace");
}
