using Trellis.Storage;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// A work unit that remembers what was recorded and, once the commit succeeded, tells
/// <see cref="JourneyActivity"/>. The commit and the report happen inside the activity's commit section, so a
/// counter rebuild running at the same time sees each commit either in the store or in the report, never both.
/// </summary>
public sealed class ObservedWorkUnit(IWorkUnit inner, JourneyActivity activity) : IWorkUnit
{
    // Recording a person again replaces their changes, as in the store: keep the last ones, in first-seen order.
    private readonly Dictionary<(WorkspaceId, string), int> _slots = new();
    private readonly List<PersonChanges> _recorded = [];

    public IReadOnlyList<ClaimedPerson> Persons => inner.Persons;

    public void Record(PersonChanges changes)
    {
        inner.Record(changes);
        var key = (changes.Workspace, changes.PersonId);
        if (_slots.TryGetValue(key, out var slot))
        {
            _recorded[slot] = changes;
        }
        else
        {
            _slots[key] = _recorded.Count;
            _recorded.Add(changes);
        }
    }

    public IReadOnlyCollection<PersonKey> Superseded => inner.Superseded;

    public Task CommitAsync(CancellationToken cancellationToken = default) =>
        activity.CommitAsync(() => inner.CommitAsync(cancellationToken), Written, cancellationToken);

    /// <summary>What the commit actually wrote: a superseded person is counted when their work is committed again.</summary>
    private IReadOnlyList<PersonChanges> Written()
    {
        var superseded = inner.Superseded;
        return superseded.Count == 0
            ? _recorded
            : _recorded.Where(c => !superseded.Contains(new PersonKey(c.Workspace, c.PersonId))).ToList();
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
