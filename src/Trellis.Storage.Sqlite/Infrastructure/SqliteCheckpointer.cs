using Microsoft.Data.Sqlite;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Checkpoints the WAL on its own connection and thread, off the writer's commit path. With SQLite's automatic
/// checkpoint (every 1,000 WAL pages, run by the committing connection inside its commit) an engine batch that
/// dirties ~2,000 pages paid a full checkpoint — every page written again into the database file and two
/// fsyncs — inside every commit, with the write gate held. Here the writer's automatic checkpoint is only a
/// backstop far above a batch (<see cref="SqliteDatabase"/>), and this loop, woken by commits, runs at most one
/// checkpoint per <c>interval</c>: a page changed by several commits in that time is copied once, the copy
/// overlaps the engine's next batch, and there is one pair of fsyncs per interval instead of one per commit.
/// <para>
/// A PASSIVE checkpoint never blocks writers, so under constant writes it never catches up with the newest frames,
/// and the WAL only goes back to its start when a write begins with every frame copied. So each turn copies what
/// it can without the gate, then — if frames were appended meanwhile — takes the in-process write gate for a
/// second pass over those few frames only; the next write then restarts the WAL. That bounds the WAL to about
/// one interval of writes (and <c>journal_size_limit</c> truncates the file back after a burst). Durability is
/// unchanged: a commit is durable in the WAL before it returns, a checkpoint only moves committed pages into the
/// database file, and after a crash SQLite replays whatever the WAL still holds.
/// </para>
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _writeGate;
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _signaled;
    private long _checkpoints;
    private long _gatedPasses;
    private long _failures;

    public SqliteCheckpointer(string connectionString, string pragmas, SemaphoreSlim writeGate, TimeSpan interval)
    {
        _writeGate = writeGate;
        _interval = interval;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var command = _connection.CreateCommand())
        {
            // The checkpoint's fsyncs follow this connection's synchronous setting: the same as the writer's.
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }

        _loop = Task.Run(RunAsync);
    }

    /// <summary>Checkpoint turns completed so far (for tests and diagnostics).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Turns that needed the write gate to copy frames appended during their first pass.</summary>
    public long GatedPasses => Interlocked.Read(ref _gatedPasses);

    /// <summary>Checkpoint turns that failed (the writer's automatic checkpoint still bounds the WAL then).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Called after every write transaction ends: the next turn runs within one interval. Never blocks.</summary>
    public void Committed()
    {
        if (Interlocked.Exchange(ref _signaled, 1) == 0)
        {
            _committed.Release();
        }
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            while (true)
            {
                await _committed.WaitAsync(token).ConfigureAwait(false);
                // Commits from now on signal the next turn; those before are covered by this one.
                Volatile.Write(ref _signaled, 0);
                await Task.Delay(_interval, token).ConfigureAwait(false);
                try
                {
                    await CheckpointAsync(token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Not fatal: the WAL keeps the data, the next turn retries, and the writer's automatic
                    // checkpoint bounds the WAL meanwhile.
                    Interlocked.Increment(ref _failures);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken token)
    {
        var (_, log, copied) = Passive();
        if (log <= copied)
        {
            Interlocked.Increment(ref _checkpoints);
            return;
        }

        // Frames were appended during the pass (or a reader still needed older ones): copy the rest with writers
        // held off, so the WAL is complete in the database file and the next write starts it over.
        await _writeGate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            Passive();
            Interlocked.Increment(ref _gatedPasses);
        }
        finally
        {
            _writeGate.Release();
        }

        Interlocked.Increment(ref _checkpoints);
    }

    /// <summary>One PASSIVE checkpoint: (busy, frames in the WAL, frames copied into the database file).</summary>
    private (long Busy, long Log, long Copied) Passive()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Stops the loop (waiting for a turn in progress, bounded) and closes the connection.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; anything else has already been counted as a failure.
        }

        _connection.Dispose();
        _stop.Dispose();
        _committed.Dispose();
    }
}
