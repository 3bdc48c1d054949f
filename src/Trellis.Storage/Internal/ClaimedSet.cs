namespace Trellis.Storage.Internal;

/// <summary>
/// The changes recorded in a work unit, checked against what the unit claimed: a unit may only write for
/// its own persons, which also keeps a worker from writing into another workspace by mistake.
/// </summary>
internal sealed class ClaimedSet
{
    private readonly HashSet<(string Workspace, string Person)> _claimed;
    private readonly Dictionary<(string Workspace, string Person), PersonChanges> _recorded = new();

    public ClaimedSet(IEnumerable<ClaimedPerson> persons) =>
        _claimed = persons.Select(p => (p.Workspace.Value, p.PersonId)).ToHashSet();

    /// <summary>Recorded changes, one per person (the last recording wins), normalized for writing.</summary>
    public IReadOnlyCollection<PersonChanges> Recorded => _recorded.Values;

    public void Record(PersonChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(changes.State);
        var key = (changes.Workspace.Value, changes.PersonId);
        if (!_claimed.Contains(key))
        {
            throw new ArgumentException($"Person '{changes.PersonId}' of workspace '{changes.Workspace}' was not claimed by this unit of work.", nameof(changes));
        }

        foreach (var message in changes.Outbox)
        {
            if (message.Key.PersonId != changes.PersonId)
            {
                throw new ArgumentException($"Outbox entry for '{message.Key.PersonId}' recorded with the changes of '{changes.PersonId}'.", nameof(changes));
            }
        }

        _recorded[key] = Normalize(changes);
    }

    /// <summary>
    /// One consent per topic (the latest), one suppression per address (the latest), one outbox entry per key
    /// (the first): a set-based upsert must not touch the same row twice in one statement.
    /// </summary>
    private static PersonChanges Normalize(PersonChanges changes) => changes with
    {
        Consent = changes.Consent.GroupBy(c => c.Topic, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.At)!).ToArray(),
        Suppressions = changes.Suppressions
            .Select(s => s with { Address = Suppression.NormalizeAddress(s.Address) })
            .GroupBy(s => (s.Channel, s.Address))
            .Select(g => g.MaxBy(s => s.At)!).ToArray(),
        Outbox = changes.Outbox.DistinctBy(m => m.Key).ToArray(),
    };
}
