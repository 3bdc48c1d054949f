using Microsoft.Data.Sqlite;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Persons claimed from the SQLite file and held in the <see cref="SqliteClaimRegistry"/>. The commit opens the
/// write transaction, writes every recorded change and commits; a person whose row changed after the claim (an
/// alias merge, an erasure, a consent written through the API) is left out as a whole: their state, outbox,
/// trace, consent and suppressions are not written, their work stays pending, and the next claim reads the
/// new row. The persons are released when the unit commits or is disposed.
/// </summary>
internal sealed class SqliteWorkUnit : IWorkUnit
{
    private readonly SqliteDatabase _database;
    private readonly ClaimedSet _claimed;
    private readonly Dictionary<(string Workspace, string Person), long> _claimedVersions;
    private readonly Instant _now;
    private bool _commitStarted;
    private int _released;

    public SqliteWorkUnit(SqliteDatabase database, IReadOnlyList<ClaimedPerson> persons, Instant now)
    {
        _database = database;
        _claimed = new ClaimedSet(persons);
        _claimedVersions = persons.ToDictionary(p => (p.Workspace.Value, p.PersonId), p => p.Version);
        _now = now;
        Persons = persons;
    }

    public IReadOnlyList<ClaimedPerson> Persons { get; }

    public IReadOnlyCollection<PersonKey> Superseded { get; private set; } = [];

    public void Record(PersonChanges changes)
    {
        if (_commitStarted)
        {
            throw new InvalidOperationException("This unit of work has already been committed.");
        }

        _claimed.Record(changes);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_commitStarted)
        {
            throw new InvalidOperationException("A unit of work commits at most once.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _commitStarted = true;
        _claimed.ThrowIfAnyInvalid();
        var claims = _database.Claims;
        await claims.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var session = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var superseded = new List<PersonKey>();
            try
            {
                foreach (var recorded in _claimed.Recorded)
                {
                    if (!Write(session, recorded))
                    {
                        superseded.Add(new PersonKey(recorded.Changes.Workspace, recorded.Changes.PersonId));
                    }
                }
            }
            catch (SqliteException exception)
            {
                throw SqliteErrors.Translate(exception);
            }

            session.Commit();
            Superseded = superseded;
        }
        finally
        {
            // Committed or rolled back, the rows now say what happened: the next claim may read them.
            ReleasePersons();
            claims.Turn.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        ReleasePersons();
        return ValueTask.CompletedTask;
    }

    private void ReleasePersons()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _database.Claims.Free(Persons);
        }
    }

    /// <summary>Writes one person's changes; false (and nothing written) when their row moved on since the claim.</summary>
    private bool Write(SqliteWriteSession session, RecordedChanges recorded)
    {
        var changes = recorded.Changes;
        var workspace = changes.Workspace;
        var saved = session.Prepared("SavePerson")
            .Bind("$ws", workspace)
            .Bind("$person", changes.PersonId)
            .Bind("$claimed_version", _claimedVersions[(workspace.Value, changes.PersonId)])
            .Bind("$state", changes.State)
            .Bind("$next_wake_at", changes.NextWakeAt)
            .Bind("$processed_through", changes.ProcessedThrough)
            .Bind("$traits", changes.TraitsJson)
            .Bind("$now", _now)
            .Execute();
        if (saved == 0)
        {
            return false;
        }

        SqliteRowWriters.InsertTrace(session, workspace, changes.PersonId, recorded.TraceRows);

        foreach (var message in changes.Outbox)
        {
            SqliteRowWriters.InsertOutbox(session, workspace, message, _now);
        }

        foreach (var consent in changes.Consent)
        {
            SqliteRowWriters.UpsertConsent(session, workspace, changes.PersonId, consent);
        }

        foreach (var suppression in changes.Suppressions)
        {
            SqliteRowWriters.UpsertSuppression(session, workspace, suppression);
        }

        return true;
    }
}
