namespace Trellis.Storage;

/// <summary>
/// Consent written outside the engine (admin API, preference centre, one-click unsubscribe) so it is
/// honoured at once; the engine writes its own through <see cref="PersonChanges.Consent"/>.
/// </summary>
public interface IConsentStore
{
    /// <summary>Records a consent statement (creating the person's profile if needed). False when the person is erased.</summary>
    Task<bool> RecordAsync(WorkspaceId workspace, string personId, ConsentRecord consent, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConsentRecord>> ListAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ListAsync"/> for several persons in one read (the dispatcher checks a claimed batch at once).
    /// Persons with no statements are absent from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ConsentRecord>>> ListForPersonsAsync(WorkspaceId workspace, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken = default);
}
