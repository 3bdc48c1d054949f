using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Journeys;
using Trellis.Measurement.Reports;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Admin.Reports;

/// <summary>
/// A journey's report (<c>GET /api/journeys/{id}/report</c>) recounted from the workspace's stored decision trace
/// with the report builder of <c>trellis simulate</c>, so the JSON has the CLI's shape and its numbers reconcile
/// with the trace line by line. Each person's lines are fed in recorded order; their goal events are shown to
/// the builder too (before the lines of the same moment, as the engine saw them), so conversions of people who
/// already left but are inside the goal window count as in a simulation. Cost: one pass over the workspace's
/// trace and goal events per request, paged; the dashboard's live counters are the cheap view.
/// </summary>
internal static class StoredJourneyReport
{
    private const int PeoplePage = 500;
    private const int LinePage = 1000;

    public static async Task<JourneyReport> BuildAsync(ITrellisStore store, WorkspaceId workspace, JourneyDefinition journey, CancellationToken cancellationToken)
    {
        var builder = new JourneyReportBuilder([journey]);
        string? after = null;
        while (true)
        {
            var people = await store.Persons.ListProfilesAsync(workspace, after, PeoplePage, cancellationToken);
            foreach (var person in people)
            {
                await AddPersonAsync(store, workspace, person.PersonId, builder, cancellationToken);
            }

            if (people.Count < PeoplePage)
            {
                break;
            }

            after = people[^1].PersonId;
        }

        return builder.Build()[0];
    }

    private static async Task AddPersonAsync(ITrellisStore store, WorkspaceId workspace, string personId, JourneyReportBuilder builder, CancellationToken cancellationToken)
    {
        var lines = await ReadTraceAsync(store, workspace, personId, cancellationToken);
        if (lines.Count == 0)
        {
            return;
        }

        var goals = await ReadGoalEventsAsync(store, workspace, personId, builder, cancellationToken);
        var effects = new StoredTraceEffects(personId);
        var g = 0;
        foreach (var line in lines)
        {
            for (; g < goals.Count && goals[g].At <= line.At; g++)
            {
                builder.ObserveEvent(personId, goals[g].Event.Name, goals[g].Event.Properties, goals[g].At);
            }

            if (effects.Read(line) is { } effect)
            {
                builder.Add(effect);
            }
        }

        for (; g < goals.Count; g++)
        {
            builder.ObserveEvent(personId, goals[g].Event.Name, goals[g].Event.Properties, goals[g].At);
        }
    }

    private static async Task<List<TraceEntry>> ReadTraceAsync(ITrellisStore store, WorkspaceId workspace, string personId, CancellationToken cancellationToken)
    {
        var lines = new List<TraceEntry>();
        long after = 0;
        while (true)
        {
            var page = await store.Persons.ReadTraceAsync(workspace, personId, after, LinePage, cancellationToken);
            lines.AddRange(page.Select(p => p.Entry));
            if (page.Count < LinePage)
            {
                return lines;
            }

            after = page[^1].Sequence;
        }
    }

    /// <summary>The person's events that are a goal of the journey, at the time the engine handled them (when received).</summary>
    private static async Task<List<(NodaTime.Instant At, TrackInput Event)>> ReadGoalEventsAsync(
        ITrellisStore store, WorkspaceId workspace, string personId, JourneyReportBuilder builder, CancellationToken cancellationToken)
    {
        var goals = new List<(NodaTime.Instant, TrackInput)>();
        long after = 0;
        while (true)
        {
            var page = await store.Events.ReadAsync(workspace, personId, after, LinePage, cancellationToken);
            foreach (var stored in page)
            {
                if (stored.EventName is { } name && builder.IsGoalEvent(name) && StoredEventInputs.ToInput(stored) is TrackInput track)
                {
                    goals.Add((stored.ReceivedAt, track));
                }
            }

            if (page.Count < LinePage)
            {
                return goals;
            }

            after = page[^1].Sequence;
        }
    }
}
