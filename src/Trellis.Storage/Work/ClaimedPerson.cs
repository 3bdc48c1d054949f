using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// A person handed to the engine by <see cref="IWorkQueue.ClaimAsync"/>: everything needed to decide
/// without another query. Nobody else can claim them until the unit of work ends.
/// </summary>
/// <param name="State">The engine's opaque state, or null when the engine has never recorded any.</param>
/// <param name="Version">Bumped on every commit of new state (0: never).</param>
/// <param name="ProcessedThrough">The sequence of the last event the engine has processed.</param>
/// <param name="Events">The events not processed yet, in sequence order.</param>
/// <param name="Suppressions">Suppressions of the person's contact addresses (see <see cref="ContactTraits"/>).</param>
public sealed record ClaimedPerson(
    WorkspaceId Workspace,
    string PersonId,
    byte[]? State,
    long Version,
    Instant? NextWakeAt,
    long ProcessedThrough,
    PersonProfile Profile,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<Suppression> Suppressions);
