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

    /// <summary>
    /// Writes everything recorded in one transaction and commits. A unit commits at most once. A person whose
    /// stored profile changed after the claim (merged, erased, consent written) may be left out as a whole; see
    /// <see cref="Superseded"/>.
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// After <see cref="CommitAsync"/>: the persons whose recorded changes were not written because their row
    /// changed after the claim. Nothing of theirs was written; their work stays pending and is claimed again
    /// with the new row. Always empty where a claim locks its persons until the commit (PostgreSQL); possible on
    /// SQLite, whose claims do not hold the write transaction.
    /// </summary>
    IReadOnlyCollection<PersonKey> Superseded { get; }
}
