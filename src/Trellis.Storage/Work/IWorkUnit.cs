namespace Trellis.Storage;

/// <summary>
/// One open transaction holding claimed persons. Record the changes of each person, then commit them all
/// at once; disposing without committing rolls everything back and the persons become claimable again.
/// </summary>
public interface IWorkUnit : IAsyncDisposable
{
    /// <summary>The claimed persons (possibly none: then there is nothing to do but dispose).</summary>
    IReadOnlyList<ClaimedPerson> Persons { get; }

    /// <summary>
    /// Buffers the changes of one claimed person (recording the same person again replaces them). Throws
    /// <see cref="ArgumentException"/> for a person this unit did not claim, or an outbox entry of another person.
    /// </summary>
    void Record(PersonChanges changes);

    /// <summary>Writes everything recorded in one transaction and commits. A unit commits at most once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
