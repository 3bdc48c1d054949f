namespace Trellis.Storage.Internal;

/// <summary>
/// The changes recorded in a work unit, checked against what the unit claimed: a unit may only write for
/// its own persons, which also keeps a worker from writing into another workspace by mistake.
/// </summary>
internal sealed class ClaimedSet
{
    private readonly HashSet<(string Workspace, string Person)> _claimed;
    private readonly Dictionary<(string Workspace, string Person), RecordedChanges> _recorded;

    /// <remarks>
    /// Both sets are sized for the claim up front: grown by doubling, an engine batch's (2048 people) ended on
    /// the large-object heap, two such arrays per batch, whose budget then forced a full GC every few batches.
    /// </remarks>
    public ClaimedSet(IReadOnlyCollection<ClaimedPerson> persons)
    {
        _claimed = new HashSet<(string, string)>(persons.Count);
        _recorded = new Dictionary<(string, string), RecordedChanges>(persons.Count);
        foreach (var person in persons)
        {
            _claimed.Add((person.Workspace.Value, person.PersonId));
        }
    }

    /// <summary>Recorded changes, one per person (the last recording wins), normalized and encoded for writing.</summary>
    public IReadOnlyCollection<RecordedChanges> Recorded => _recorded.Values;

    /// <summary>
    /// Throws, before a commit writes anything, if some recorded changes cannot be stored (trace details that are not
    /// JSON): the unit's commit then fails as a whole, like a row the database refuses.
    /// </summary>
    public void ThrowIfAnyInvalid()
    {
        foreach (var recorded in _recorded.Values)
        {
            recorded.ThrowIfInvalid();
        }
    }

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

        _recorded[key] = RecordedChanges.Of(Normalize(changes));
    }

    /// <summary>
    /// One consent per topic (the latest), one suppression per address (the latest), one outbox entry per key
    /// (the first): a set-based upsert must not touch the same row twice in one statement. The lists are
    /// copied, so the caller's lists may change after recording. With at most one consent and one send (the
    /// engine's common case) there is nothing to merge, and the grouping is skipped: it allocated a lookup and
    /// a set per person of every batch.
    /// </summary>
    private static PersonChanges Normalize(PersonChanges changes) => changes with
    {
        Consent = changes.Consent.Count <= 1
            ? changes.Consent.ToArray()
            : changes.Consent.GroupBy(c => c.Topic, StringComparer.Ordinal).Select(g => g.MaxBy(c => c.At)!).ToArray(),
        Suppressions = changes.Suppressions.Count == 0
            ? []
            : changes.Suppressions
                .Select(s => s with { Address = Suppression.NormalizeAddress(s.Address) })
                .GroupBy(s => (s.Channel, s.Address))
                .Select(g => g.MaxBy(s => s.At)!).ToArray(),
        Outbox = changes.Outbox.Count <= 1 ? changes.Outbox.ToArray() : changes.Outbox.DistinctBy(m => m.Key).ToArray(),
    };
}
