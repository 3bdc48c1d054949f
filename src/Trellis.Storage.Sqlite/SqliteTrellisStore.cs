namespace Trellis.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file (WAL) used by one <c>trellis serve</c> process. Writes are
/// serialised through a single writer connection; reads run in parallel on kept reader connections.
/// </summary>
public sealed class SqliteTrellisStore : ITrellisStore
{
    private readonly SqliteDatabase _database;

    private SqliteTrellisStore(SqliteDatabase database)
    {
        _database = database;
        Workspaces = new SqliteWorkspaceStore(database);
        Events = new SqliteEventLog(database);
        Persons = new SqlitePersonStore(database);
        Consent = new SqliteConsentStore(database);
        Suppressions = new SqliteSuppressionList(database);
        Work = new SqliteWorkQueue(database);
        Outbox = new SqliteOutbox(database);
        IdempotencyKeys = new SqliteIdempotencyKeys(database);
        Journeys = new SqliteJourneyStore(database);
        Inbox = new SqliteInboxStore(database);
        GuardrailCounts = new SqliteGuardrailCounts(database);
    }

    /// <summary>The open file (tests look at its checkpointer).</summary>
    internal SqliteDatabase Database => _database;

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

    public bool SerializesWrites => true;

    /// <summary>Opens (creating when missing) the database file and brings its schema up to date.</summary>
    public static Task<SqliteTrellisStore> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new SqliteTrellisStore(SqliteDatabase.Open(options)));
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        return ValueTask.CompletedTask;
    }
}
