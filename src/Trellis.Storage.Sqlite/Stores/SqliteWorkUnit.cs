using Microsoft.Data.Sqlite;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>Claimed persons inside the open write transaction; commit writes every recorded change, then commits.</summary>
internal sealed class SqliteWorkUnit : IWorkUnit
{
    private readonly SqliteWriteSession _session;
    private readonly ClaimedSet _claimed;
    private readonly Instant _now;
    private bool _commitStarted;

    public SqliteWorkUnit(SqliteWriteSession session, IReadOnlyList<ClaimedPerson> persons, Instant now)
    {
        _session = session;
        _claimed = new ClaimedSet(persons);
        _now = now;
        Persons = persons;
    }

    public IReadOnlyList<ClaimedPerson> Persons { get; }

    public void Record(PersonChanges changes)
    {
        if (_commitStarted)
        {
            throw new InvalidOperationException("This unit of work has already been committed.");
        }

        _claimed.Record(changes);
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_commitStarted)
        {
            throw new InvalidOperationException("A unit of work commits at most once.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _commitStarted = true;
        try
        {
            foreach (var changes in _claimed.Recorded)
            {
                Write(changes);
            }
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception);
        }

        _session.Commit();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _session.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Write(PersonChanges changes)
    {
        var workspace = changes.Workspace;
        _session.Prepared("SavePerson")
            .Bind("$ws", workspace)
            .Bind("$person", changes.PersonId)
            .Bind("$state", changes.State)
            .Bind("$next_wake_at", changes.NextWakeAt)
            .Bind("$processed_through", changes.ProcessedThrough)
            .Bind("$traits", changes.TraitsJson)
            .Bind("$now", _now)
            .Execute();
        foreach (var entry in changes.Trace)
        {
            SqliteRowWriters.InsertTrace(_session, workspace, changes.PersonId, entry);
        }

        foreach (var message in changes.Outbox)
        {
            SqliteRowWriters.InsertOutbox(_session, workspace, message, _now);
        }

        foreach (var consent in changes.Consent)
        {
            SqliteRowWriters.UpsertConsent(_session, workspace, changes.PersonId, consent);
        }

        foreach (var suppression in changes.Suppressions)
        {
            SqliteRowWriters.UpsertSuppression(_session, workspace, suppression);
        }
    }
}
