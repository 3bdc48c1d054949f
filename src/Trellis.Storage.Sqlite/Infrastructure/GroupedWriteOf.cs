namespace Trellis.Storage.Sqlite;

/// <summary>A <see cref="GroupedWrite"/> with its typed result.</summary>
internal sealed class GroupedWrite<T>(Func<ISqliteSession, T> write) : GroupedWrite
{
    // Continuations run on the thread pool, never inline on the committer while it holds the write gate.
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;
    private bool _failed;

    public Task<T> Task => _outcome.Task;

    public override bool HasFailed => _failed;

    public override void Run(ISqliteSession session) => _result = write(session);

    public override void Complete() => _outcome.TrySetResult(_result);

    public override void Cancel(CancellationToken cancellationToken) => _outcome.TrySetCanceled(cancellationToken);

    public override void Fail(Exception exception)
    {
        _failed = true;
        _outcome.TrySetException(exception);
    }
}
