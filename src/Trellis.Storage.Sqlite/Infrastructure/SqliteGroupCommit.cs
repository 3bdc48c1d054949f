using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Group commit: writes queued while the write gate is busy run together in the next transaction, each in its
/// own savepoint (a failing write is undone alone and only its caller sees the error), and every caller is
/// answered only after that transaction commits. One drainer at a time waits for the gate on behalf of all
/// queued writes, so under load N concurrent appends cost one gate turn and one commit instead of N, and the
/// engine worker, which also needs the gate, waits behind one turn instead of N. Nothing is acknowledged before
/// it is durable: a failed commit fails every write of the group.
/// </summary>
internal sealed class SqliteGroupCommit(SqliteDatabase database)
{
    private const string SavepointName = "grouped_write";
    private readonly ConcurrentQueue<GroupedWrite> _queue = new();
    private int _draining;

    public async Task<T> WriteAsync<T>(Func<ISqliteSession, T> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new GroupedWrite<T>(write);
        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = DrainAsync();
        }

        // Giving up is only possible while the write is still queued; once taken, its outcome is the answer.
        await using var registration = cancellationToken.Register(() =>
        {
            if (item.TryCancel())
            {
                item.Cancel(cancellationToken);
            }
        }).ConfigureAwait(false);
        return await item.Task.ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            try
            {
                using var session = await database.BeginWriteAsync(CancellationToken.None).ConfigureAwait(false);
                RunGroup(session);
            }
            catch (Exception exception)
            {
                // No transaction (the store is closing, or BEGIN failed): nothing queued can be written now.
                var failure = exception is SqliteException sqlite ? SqliteErrors.Translate(sqlite) : exception;
                while (_queue.TryDequeue(out var waiting))
                {
                    if (waiting.TryTake())
                    {
                        waiting.Fail(failure);
                    }
                }
            }

            // A write enqueued after the last dequeue but before this reset saw a drainer and did not start
            // one, so look again before leaving.
            Volatile.Write(ref _draining, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Runs every queued write, each in a savepoint, and commits them together.</summary>
    private void RunGroup(SqliteWriteSession session)
    {
        var group = new List<GroupedWrite>();
        try
        {
            while (_queue.TryDequeue(out var next))
            {
                if (!next.TryTake())
                {
                    continue;
                }

                group.Add(next);
                session.Savepoint(SavepointName);
                try
                {
                    next.Run(session);
                }
                catch (Exception exception)
                {
                    session.RollbackToSavepoint(SavepointName);
                    next.Fail(exception is SqliteException sqlite ? SqliteErrors.Translate(sqlite) : exception);
                    continue;
                }

                session.ReleaseSavepoint(SavepointName);
            }

            session.Commit();
        }
        catch (Exception exception)
        {
            // The transaction itself failed (a rollback to the savepoint or the commit): nothing of the group
            // is durable, so nobody may be told otherwise. Disposing the session rolls back.
            var failure = exception is SqliteException sqlite ? SqliteErrors.Translate(sqlite) : exception;
            foreach (var write in group)
            {
                write.Fail(failure);
            }

            return;
        }

        foreach (var write in group)
        {
            if (!write.HasFailed)
            {
                write.Complete();
            }
        }
    }
}
