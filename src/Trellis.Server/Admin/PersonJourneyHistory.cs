using System.Text.Json;
using Trellis.Storage;

namespace Trellis.Server.Admin;

/// <summary>
/// Derives a person's journeys from their decision trace (enter … exit), so the admin API needs no access to
/// the engine's private state encoding. The latest instance of each journey wins.
/// </summary>
internal static class PersonJourneyHistory
{
    /// <summary>Enough for any realistic person; a longer trace shows the journeys of its first lines only.</summary>
    private const int MaxTraceLines = 20_000;

    public static async Task<IReadOnlyList<PersonJourneyState>> ReadAsync(ITrellisStore store, WorkspaceId workspace, string personId, CancellationToken cancellationToken)
    {
        var journeys = new Dictionary<string, PersonJourneyState>(StringComparer.Ordinal);
        long after = 0;
        for (var read = 0; read < MaxTraceLines;)
        {
            var page = await store.Persons.ReadTraceAsync(workspace, personId, after, 1000, cancellationToken);
            foreach (var line in page)
            {
                Apply(journeys, line.Entry);
            }

            if (page.Count < 1000)
            {
                break;
            }

            read += page.Count;
            after = page[^1].Sequence;
        }

        return journeys.Values.OrderBy(j => j.Journey, StringComparer.Ordinal).ToList();
    }

    private static void Apply(Dictionary<string, PersonJourneyState> journeys, TraceEntry entry)
    {
        if (entry.JourneyId is not { } id)
        {
            return;
        }

        if (!journeys.TryGetValue(id, out var state))
        {
            state = new PersonJourneyState { Journey = id };
            journeys[id] = state;
        }

        var at = entry.At.ToString();
        switch (entry.Type)
        {
            case "enter":
                state.Entries++;
                state.Status = "active";
                state.EnteredAt = at;
                state.CurrentStep = null;
                state.ExitedAt = state.Outcome = state.Reason = null;
                break;
            case "exit":
                state.Status = "ended";
                state.ExitedAt = at;
                state.Outcome = Field(entry.DetailsJson, "outcome");
                state.Reason = Field(entry.DetailsJson, "reason");
                break;
            default:
                state.CurrentStep = entry.StepId ?? state.CurrentStep;
                break;
        }
    }

    private static string? Field(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
