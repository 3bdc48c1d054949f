namespace Trellis.Storage.Sqlite;

/// <summary>
/// One caller's write waiting to run inside a shared (group-committed) transaction. It runs at most once,
/// inside its own savepoint, and its caller learns the outcome only after the whole group's commit, so a
/// result is never reported for a write that is not yet durable. A caller that gives up while the write is
/// still queued cancels it, and a committer that finds it cancelled skips it.
/// </summary>
internal abstract class GroupedWrite
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;
    private int _state;

    /// <summary>The committer takes the write; false when its caller already gave up on it.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>The caller gives up; false when a committer already took the write (its outcome will come).</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    /// <summary>Runs the write on the group's session; its result is held until <see cref="Complete"/>.</summary>
    public abstract void Run(ISqliteSession session);

    /// <summary>The group committed: hand the result over.</summary>
    public abstract void Complete();

    /// <summary>Its caller gave up while it was queued (after a successful <see cref="TryCancel"/>).</summary>
    public abstract void Cancel(CancellationToken cancellationToken);

    /// <summary>This write failed (its savepoint was rolled back) or the whole group did.</summary>
    public abstract void Fail(Exception exception);

    public abstract bool HasFailed { get; }
}
