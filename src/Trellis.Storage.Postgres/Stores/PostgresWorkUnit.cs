using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Claimed persons inside their open transaction. Commit sends every recorded change as one batch of
/// set-based statements (one statement per kind of row, whatever the number of persons), then commits.
/// </summary>
internal sealed class PostgresWorkUnit : IWorkUnit
{
    private readonly PostgresDatabase _database;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ClaimedSet _claimed;
    private readonly Instant _now;
    private bool _commitStarted;
    private bool _disposed;

    public PostgresWorkUnit(PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ClaimedPerson> persons, Instant now)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        _claimed = new ClaimedSet(persons);
        _now = now;
        Persons = persons;
    }

    public IReadOnlyList<ClaimedPerson> Persons { get; }

    /// <summary>Always empty: the claim's row locks keep every other writer out until the commit.</summary>
    public IReadOnlyCollection<PersonKey> Superseded => [];

    public void Record(PersonChanges changes)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_commitStarted)
        {
            throw new InvalidOperationException("This unit of work has already been committed.");
        }

        _claimed.Record(changes);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_commitStarted)
        {
            throw new InvalidOperationException("A unit of work commits at most once.");
        }

        _commitStarted = true;
        try
        {
            _claimed.ThrowIfAnyInvalid();
            var recorded = _claimed.Recorded.ToList();
            if (recorded.Count > 0)
            {
                await using var batch = new NpgsqlBatch(_connection, _transaction);
                AddChanges(batch, recorded);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw PostgresErrors.Translate(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Rolls back when not committed: every recorded change is dropped and the row locks go.
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void AddChanges(NpgsqlBatch batch, List<RecordedChanges> encoded)
    {
        var recorded = encoded.Select(r => r.Changes).ToList();
        batch.Add(_database, "SavePersons")
            .TextArray("ws_ids", recorded.Select(c => c.Workspace.Value))
            .TextArray("person_ids", recorded.Select(c => c.PersonId))
            .ByteaArray("states", recorded.Select(c => c.State))
            .NullableTimeArray("next_wake_ats", recorded.Select(c => c.NextWakeAt))
            .BigintArray("processed_throughs", recorded.Select(c => c.ProcessedThrough))
            .TextArray("traits", recorded.Select(c => c.TraitsJson))
            .Time("now", _now);
        PostgresEffectRows.AddTrace(batch, _database, encoded.Select(r => (r.Changes.Workspace, r.Changes.PersonId, r.TraceRows)).ToList());
        PostgresEffectRows.AddOutbox(batch, _database,
            recorded.SelectMany(c => c.Outbox.Select(m => (c.Workspace, m))).ToList(), _now);
        PostgresEffectRows.AddConsent(batch, _database,
            recorded.SelectMany(c => c.Consent.Select(k => (c.Workspace, c.PersonId, k))).ToList());
        PostgresEffectRows.AddSuppressions(batch, _database,
            recorded.SelectMany(c => c.Suppressions.Select(s => (c.Workspace, s))));
    }
}
