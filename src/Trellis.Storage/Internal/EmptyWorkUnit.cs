namespace Trellis.Storage.Internal;

/// <summary>What a claim returns when nothing is due: no transaction is kept open for it.</summary>
internal sealed class EmptyWorkUnit : IWorkUnit
{
    public static readonly EmptyWorkUnit Instance = new();

    private EmptyWorkUnit()
    {
    }

    public IReadOnlyList<ClaimedPerson> Persons => [];

    public void Record(PersonChanges changes) =>
        throw new ArgumentException("This unit of work claimed nobody.", nameof(changes));

    public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public IReadOnlyCollection<PersonKey> Superseded => [];

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
