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

    /// <summary>
    /// True when every write transaction of the process takes one turn of a single write gate (SQLite): then fewer,
    /// larger write transactions are what frees the writer for ingestion and the engine.
    /// </summary>
    bool SerializesWrites { get; }
}
