using NodaTime;
using Trellis.Storage;

namespace Trellis.Storage.Tests;

/// <summary>
/// The storage contract's compliance suite: every test here runs against every backend, on a real
/// database, through a tiny subclass per backend (see SqliteStoreCompliance, PostgresStoreCompliance).
/// Each test gets a fresh, empty database (SQLite: a temp file; PostgreSQL: a schema of its own), because
/// claiming spans workspaces and must not see other tests' work. The tests are split by concern over the
/// partial files StoreCompliance.*.cs.
/// </summary>
public abstract partial class StoreCompliance : IAsyncLifetime
{
    protected static readonly Instant T0 = TestEvents.T0;

    private readonly List<ITrellisStore> _opened = [];

    /// <summary>The store under test, on a fresh database.</summary>
    protected ITrellisStore Store { get; private set; } = null!;

    /// <summary>Creates a fresh, empty database for this test.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Opens a store on this test's database (called again for a second "process").</summary>
    protected abstract Task<ITrellisStore> OpenStoreAsync();

    /// <summary>Removes this test's database.</summary>
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = await OpenAnotherStoreAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>A second, independent store on the same database, like a second <c>trellis serve</c> process.</summary>
    protected async Task<ITrellisStore> OpenAnotherStoreAsync()
    {
        var store = await OpenStoreAsync();
        _opened.Add(store);
        return store;
    }

    protected async Task<WorkspaceId> NewWorkspaceAsync()
    {
        var id = new WorkspaceId("ws-" + Guid.NewGuid().ToString("N")[..12]);
        await Store.Workspaces.CreateAsync(new WorkspaceRecord(
            id, "Test " + id, Sha256Hex.Of("write-" + id), Sha256Hex.Of("secret-" + id), T0, T0));
        return id;
    }

    protected Task<AppendResult> AppendAsync(WorkspaceId workspace, params IncomingEvent[] events) =>
        Store.Events.AppendAsync(workspace, events);

    /// <summary>Claims everything due at <paramref name="now"/>, records "processed" for each person, commits.</summary>
    protected async Task<IReadOnlyList<ClaimedPerson>> ProcessAllAsync(Instant now, Func<ClaimedPerson, PersonChanges>? decide = null)
    {
        await using var unit = await Store.Work.ClaimAsync(now, 1000);
        foreach (var person in unit.Persons)
        {
            unit.Record(decide?.Invoke(person) ?? TestChanges.Processed(person));
        }

        await unit.CommitAsync();
        return unit.Persons;
    }

    protected async Task<IReadOnlyList<string>> ClaimablePersonIdsAsync(Instant now)
    {
        await using var unit = await Store.Work.ClaimAsync(now, 1000);
        return unit.Persons.Select(p => p.PersonId).Order(StringComparer.Ordinal).ToList();
    }
}
