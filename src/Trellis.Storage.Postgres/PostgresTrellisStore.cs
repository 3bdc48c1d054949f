namespace Trellis.Storage.Postgres;

/// <summary>
/// The scale-out store: PostgreSQL shared by any number of <c>trellis serve</c> processes. Work and outbox
/// entries are claimed with FOR UPDATE SKIP LOCKED, so processes share them without coordination.
/// </summary>
public sealed class PostgresTrellisStore : ITrellisStore
{
    private readonly PostgresDatabase _database;

    private PostgresTrellisStore(PostgresDatabase database)
    {
        _database = database;
        Workspaces = new PostgresWorkspaceStore(database);
        Events = new PostgresEventLog(database);
        Persons = new PostgresPersonStore(database);
        Consent = new PostgresConsentStore(database);
        Suppressions = new PostgresSuppressionList(database);
        Work = new PostgresWorkQueue(database);
        Outbox = new PostgresOutbox(database);
        IdempotencyKeys = new PostgresIdempotencyKeys(database);
        Journeys = new PostgresJourneyStore(database);
        Inbox = new PostgresInboxStore(database);
        GuardrailCounts = new PostgresGuardrailCounts(database);
    }

    public IWorkspaceStore Workspaces { get; }

    public IEventLog Events { get; }

    public IPersonStore Persons { get; }

    public IConsentStore Consent { get; }

    public ISuppressionList Suppressions { get; }

    public IWorkQueue Work { get; }

    public IOutbox Outbox { get; }

    public IIdempotencyKeys IdempotencyKeys { get; }

    public IJourneyStore Journeys { get; }

    public IInboxStore Inbox { get; }

    public IGuardrailCounts GuardrailCounts { get; }

    public bool SerializesWrites => false;

    /// <summary>Connects, creates the schema when missing and brings it up to date.</summary>
    public static async Task<PostgresTrellisStore> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PostgresTrellisStore(await PostgresDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
