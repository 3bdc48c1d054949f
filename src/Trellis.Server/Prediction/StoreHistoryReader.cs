using Trellis.Core.Engine.Inputs;
using Trellis.Measurement.Prediction;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Prediction;

/// <summary>
/// Reads a workspace's event history from the store for <c>trellis train</c>: every person (paged, in id order) and
/// their calls, meant the way the engine takes them (<see cref="StoredEventInputs"/>): track, page and screen are
/// events by name, identify and group change traits. Times are the calls' own timestamps.
/// </summary>
public static class StoreHistoryReader
{
    private const int PeoplePage = 1000;
    private const int EventPage = 5000;

    public static async Task<List<PersonHistory>> ReadAsync(ITrellisStore store, WorkspaceId workspace, CancellationToken cancellationToken = default)
    {
        var people = new List<PersonHistory>();
        string? after = null;
        while (true)
        {
            var page = await store.Persons.ListProfilesAsync(workspace, after, PeoplePage, cancellationToken);
            foreach (var profile in page)
            {
                var entries = await ReadPersonAsync(store, workspace, profile.PersonId, cancellationToken);
                if (entries.Count > 0)
                {
                    people.Add(new PersonHistory(profile.PersonId, entries));
                }
            }

            if (page.Count < PeoplePage)
            {
                return people;
            }

            after = page[^1].PersonId;
        }
    }

    private static async Task<List<HistoryEntry>> ReadPersonAsync(ITrellisStore store, WorkspaceId workspace, string personId, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        long after = 0;
        while (true)
        {
            var page = await store.Events.ReadAsync(workspace, personId, after, EventPage, cancellationToken);
            foreach (var stored in page)
            {
                switch (StoredEventInputs.ToInput(stored))
                {
                    case TrackInput track:
                        entries.Add(HistoryEntry.Performed(stored.Timestamp, track.Name));
                        break;
                    case IdentifyInput identify:
                        entries.Add(HistoryEntry.Identified(stored.Timestamp, identify.Traits));
                        break;
                }
            }

            if (page.Count < EventPage)
            {
                // Sequence order is commit order; features read by time.
                return entries.OrderBy(e => e.At).ToList();
            }

            after = page[^1].Sequence;
        }
    }
}
