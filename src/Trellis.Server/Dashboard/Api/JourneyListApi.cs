using Microsoft.AspNetCore.Http;
using Trellis.Server.Admin;
using Trellis.Server.Dashboard.Activity;
using Trellis.Server.Dashboard.Auth;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// <c>GET /dashboard/api/journeys</c>: every journey with its status (and why it is paused), entrants, running
/// instances, conversions and the lift over the holdout, all from the live counters.
/// </summary>
internal static class JourneyListApi
{
    public static async Task<IResult> GetAsync(
        HttpContext context, ITrellisStore store, JourneyViewCache views, JourneyActivity activity, PeopleCount people)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        var records = await store.Journeys.ListAsync(workspace, context.RequestAborted);
        var counters = activity.For(workspace);
        var journeys = records.Select(record =>
        {
            var view = views.Get(record);
            var report = counters.Snapshot(record.JourneyId, view.Definition).Report;
            var lift = report.Holdout?.Comparisons.FirstOrDefault();
            return new
            {
                id = record.JourneyId,
                name = view.Definition?.Name ?? JourneySummary.Read(record.SourceYaml).Name,
                owner = view.Definition?.Owner,
                description = view.Definition?.Description,
                status = JourneyStatusNames.Of(record.Status),
                statusReason = record.StatusReason,
                priority = view.Definition?.Priority ?? JourneySummary.Read(record.SourceYaml).Priority,
                version = record.Version,
                updatedAt = record.UpdatedAt.ToString(),
                problems = view.Problems.Count,
                holdoutPercent = view.Definition?.HoldoutPercent ?? 0,
                entrants = report.Entrants,
                active = report.Outcomes.Active,
                conversions = report.Conversions.Total,
                conversionRate = report.Conversions.Rate,
                sends = report.Sends,
                lift = lift is null
                    ? null
                    : new
                    {
                        control = FiniteNumber.Of(lift.ControlRate),
                        treatment = FiniteNumber.Of(lift.TreatmentRate),
                        absolute = FiniteNumber.Of(lift.AbsoluteLift),
                        low = FiniteNumber.Of(lift.AbsoluteLiftInterval.Low),
                        high = FiniteNumber.Of(lift.AbsoluteLiftInterval.High),
                        relative = FiniteNumber.Of(lift.RelativeLift),
                        significant = lift.Significant,
                        verdict = lift.Verdict,
                    },
            };
        }).ToList();

        return ApiResults.Ok(new
        {
            success = true,
            workspace = workspace.Value,
            people = await people.GetAsync(workspace, context.RequestAborted),
            counters = CountersStatus.Of(activity, workspace),
            journeys,
        });
    }
}
