using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Trellis.Core.Journeys;
using Trellis.Measurement.Reports;
using Trellis.Server.Admin;
using Trellis.Server.Dashboard.Activity;
using Trellis.Server.Dashboard.Auth;
using Trellis.Server.Dashboard.Graph;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// <c>GET /dashboard/api/journeys/{id}</c> (definition, validation, graph, live report) and
/// <c>GET /dashboard/api/journeys/{id}/steps/{step}</c> (one step's numbers and the last people who reached it).
/// </summary>
internal static class JourneyDetailApi
{
    public static async Task<IResult> GetAsync(string id, HttpContext context, ITrellisStore store, JourneyViewCache views, JourneyActivity activity)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        if (await store.Journeys.GetAsync(workspace, id, context.RequestAborted) is not { } record)
        {
            return NotFound(id);
        }

        var view = views.Get(record);
        var definition = view.Definition;
        var snapshot = activity.For(workspace).Snapshot(id, definition);
        return ApiResults.Ok(new
        {
            success = true,
            id,
            name = definition?.Name ?? JourneySummary.Read(record.SourceYaml).Name,
            description = definition?.Description,
            owner = definition?.Owner,
            priority = definition?.Priority,
            topic = definition?.Topic,
            transactional = definition?.Transactional,
            holdoutPercent = definition?.HoldoutPercent,
            entry = definition is null ? null : JourneyText.Entry(definition),
            goal = definition is null ? null : JourneyText.Goal(definition),
            exits = definition?.Exits.Select(e => e.Reason).ToArray() ?? [],
            status = JourneyStatusNames.Of(record.Status),
            statusReason = record.StatusReason,
            version = record.Version,
            updatedAt = record.UpdatedAt.ToString(),
            source = record.SourceYaml,
            problems = ValidationMessages.Describe(view.Problems),
            graph = view.Graph,
            report = JsonSerializer.SerializeToElement(snapshot.Report, ReportJson.Options),
            fromEntry = snapshot.FromEntry,
            waitingToStart = snapshot.WaitingToStart,
            counters = CountersStatus.Of(activity, workspace),
        });
    }

    public static async Task<IResult> StepAsync(string id, string step, HttpContext context, ITrellisStore store, JourneyViewCache views, JourneyActivity activity)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        if (await store.Journeys.GetAsync(workspace, id, context.RequestAborted) is not { } record)
        {
            return NotFound(id);
        }

        var definition = views.Get(record).Definition;
        var counters = activity.For(workspace);
        var report = counters.Snapshot(id, definition).Report.Steps.FirstOrDefault(s => s.Step == step);
        if (report is null)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"journey '{id}' has no step '{step}'");
        }

        var stepDefinition = definition?.FindStep(step);
        return ApiResults.Ok(new
        {
            success = true,
            journey = id,
            step,
            kind = report.Kind,
            detail = stepDefinition is null ? null : JourneyText.Step(stepDefinition),
            template = (stepDefinition as SendStep)?.TemplateId,
            report = JsonSerializer.SerializeToElement(report, ReportJson.Options),
            recent = counters.RecentAt(id, step).Select(r => new { person = r.PersonId, at = r.At.ToString(), outcome = r.Outcome }),
        });
    }

    private static IResult NotFound(string id) => ApiResults.Error(StatusCodes.Status404NotFound, $"no journey '{id}' in this workspace");
}
