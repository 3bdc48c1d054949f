namespace Trellis.Storage.Sqlite;

/// <summary>
/// Which persons of one SQLite file are held by open work units in this process. A claim does not keep the
/// write transaction open (so ingestion and the engine's commits can write while the engine runs), which
/// means the database itself does not know who is claimed: this registry does, and the next claim skips
/// the persons held here until their unit commits or is disposed.
/// </summary>
/// <remarks>
/// Claims and commits of one file take turns (<see cref="Turn"/>): a claim that read a person's row before a
/// commit released them could otherwise hand out that stale row. Every store opened on the same file in this
/// process shares one registry. Another process is kept out by an OS lock on <c>&lt;file&gt;-claims.lock</c>,
/// taken by the first claim and held until the last store of the file in this process is disposed: one
/// <c>trellis serve</c> per SQLite file (several processes need PostgreSQL). A process that dies releases it.
/// Even without these guards a stale claim could not write: commits check the version the person was
/// claimed at (<see cref="SqliteWorkUnit"/>).
/// </remarks>
internal sealed class SqliteClaimRegistry
{
    public const string LockFileSuffix = "-claims.lock";

    private static readonly Dictionary<string, SqliteClaimRegistry> Registries = new(StringComparer.Ordinal);

    private readonly string _databasePath;
    private readonly HashSet<(string Workspace, string Person)> _held = [];
    private int _stores;
    private FileStream? _processLock;

    private SqliteClaimRegistry(string databasePath) => _databasePath = databasePath;

    /// <summary>Claims and commits of this file run one at a time.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);

    public int HeldCount
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>The registry of a database file, shared by every store of this process that opened it.</summary>
    public static SqliteClaimRegistry Acquire(string databasePath)
    {
        lock (Registries)
        {
            if (!Registries.TryGetValue(databasePath, out var registry))
            {
                Registries[databasePath] = registry = new SqliteClaimRegistry(databasePath);
            }

            registry._stores++;
            return registry;
        }
    }

    /// <summary>Called when a store of the file is disposed; the last one gives the file up to other processes.</summary>
    public void Release()
    {
        lock (Registries)
        {
            if (--_stores > 0)
            {
                return;
            }

            Registries.Remove(_databasePath);
            lock (_held)
            {
                _processLock?.Dispose();
                _processLock = null;
            }
        }
    }

    /// <summary>Takes the file's OS lock for this process, or throws a transient busy failure if another process has it.</summary>
    public void EnsureProcessLock()
    {
        lock (_held)
        {
            if (_processLock is not null)
            {
                return;
            }

            var path = _databasePath + LockFileSuffix;
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix, a share lock on Windows.
                _processLock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException exception)
            {
                throw new StorageBusyException(
                    $"Another process is running the engine on the SQLite database '{Path.GetFileName(_databasePath)}' (it holds '{Path.GetFileName(path)}'). " +
                    "Run one 'trellis serve' per SQLite file, or use PostgreSQL to run several.",
                    exception);
            }
        }
    }

    public bool IsHeld(WorkspaceId workspace, string personId)
    {
        lock (_held)
        {
            return _held.Contains((workspace.Value, personId));
        }
    }

    public void Hold(IEnumerable<ClaimedPerson> persons)
    {
        lock (_held)
        {
            foreach (var person in persons)
            {
                _held.Add((person.Workspace.Value, person.PersonId));
            }
        }
    }

    public void Free(IEnumerable<ClaimedPerson> persons)
    {
        lock (_held)
        {
            foreach (var person in persons)
            {
                _held.Remove((person.Workspace.Value, person.PersonId));
            }
        }
    }
}
