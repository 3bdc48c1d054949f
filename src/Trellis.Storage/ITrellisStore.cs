namespace Trellis.Storage;

/// <summary>
/// The durable storage of <c>trellis serve</c>: one contract, implemented by the embedded SQLite backend
/// (default) and the PostgreSQL backend (several processes sharing one database). Both pass the same
/// compliance suite (tests/Trellis.Storage.Tests). Opening a store creates or upgrades its schema.
/// Failures are <see cref="StorageException"/>s that say whether a retry makes sense.
/// </summary>
public interface ITrellisStore : IAsyncDisposable
{
    IWorkspaceStore Workspaces { get; }

    IEventLog Events { get; }

    IPersonStore Persons { get; }

    IConsentStore Consent { get; }

    ISuppressionList Suppressions { get; }

    IWorkQueue Work { get; }

    IOutbox Outbox { get; }

    IIdempotencyKeys IdempotencyKeys { get; }

    IJourneyStore Journeys { get; }

    IInboxStore Inbox { get; }

    IGuardrailCounts GuardrailCounts { get; }
}
