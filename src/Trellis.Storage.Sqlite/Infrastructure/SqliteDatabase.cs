using System.Globalization;
using Microsoft.Data.Sqlite;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// The SQLite file: one long-lived writer connection whose prepared commands are cached, guarded by an async
/// gate so writers in this process queue in memory instead of spinning on SQLITE_BUSY, plus kept reader
/// connections with prepared statements (WAL lets them read while a write is open). Every SQLite error leaves here as a
/// <see cref="StorageException"/>.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteStatementCache _writerStatements;
    private readonly SqliteGroupCommit _groupCommit;
    private readonly SqliteCachedReader _claimReader;
    private readonly SqliteReaderPool _readers;
    private readonly SqliteCheckpointer _checkpointer;
    private bool _disposed;

    /// <summary>
    /// The writer's own (automatic) checkpoint, in WAL pages: only a backstop for when <see cref="SqliteCheckpointer"/>
    /// falls behind. SQLite's default (1,000) is smaller than one engine batch, so every engine commit paid a full
    /// checkpoint inside the write gate.
    /// </summary>
    internal const int BackstopCheckpointPages = 65536;

    /// <summary>
    /// The writer's page cache (KiB). At the end of every write transaction SQLite truncates the writer's page
    /// cache to the database size (pager_end_transaction → pcache1TruncateUnsafe), a walk over the cache's hash
    /// table that grows with the cache: with 64 MB it was a third of the CPU while the dispatcher committed its
    /// small grouped writes (perf with DWARF call graphs), and 8 MB cut the CPU per firing with its delivery by
    /// ~18 % (BENCHMARKS.md, sixth measurement). The pages a large cache kept were mostly rewritten person pages
    /// that the next batch does not touch.
    /// </summary>
    internal const int WriterCacheKiB = 8192;

    /// <summary>After a WAL restart the file is cut back to this size, so a burst does not leave it large.</summary>
    private const long WalSizeLimitBytes = 64L * 1024 * 1024;

    private SqliteDatabase(string path, string connectionString, string syncPragmas, TimeSpan checkpointInterval, SqliteConnection writer, SqlCatalog sql)
    {
        Claims = SqliteClaimRegistry.Acquire(path);
        // The persons and events a claim reads were mostly just written: keep a larger page cache there.
        _claimReader = new SqliteCachedReader(connectionString, sql, cacheKiB: 32768);
        _readers = new SqliteReaderPool(connectionString, sql, keep: Math.Max(4, 2 * Environment.ProcessorCount));
        _writer = writer;
        _writerStatements = new SqliteStatementCache(writer, sql);
        Sql = sql;
        _groupCommit = new SqliteGroupCommit(this);
        _checkpointer = new SqliteCheckpointer(connectionString, syncPragmas, _writeGate, checkpointInterval);
    }

    /// <summary>The background checkpoint loop (tests read its counters).</summary>
    internal SqliteCheckpointer Checkpointer => _checkpointer;

    public SqlCatalog Sql { get; }

    /// <summary>The persons held by open work units of this file in this process (see <see cref="SqliteClaimRegistry"/>).</summary>
    public SqliteClaimRegistry Claims { get; }

    public static SqliteDatabase Open(SqliteStoreOptions options)
    {
        SqliteLibrarySettings.EnsureApplied();
        var path = Path.GetFullPath(options.FilePath);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        };
        // No pooling by Microsoft.Data.Sqlite: the writer is one connection, and readers are kept (with their
        // prepared statements) by SqliteReaderPool and the claim reader.
        builder.Pooling = false;
        var connectionString = builder.ToString();

        var sql = SqlCatalog.Load(typeof(SqliteDatabase).Assembly, ".Statements.");
        var writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            // synchronous: see SqliteStoreOptions.SyncEveryCommit; the checkpointer's connection syncs the same way.
            var syncPragmas = string.Create(CultureInfo.InvariantCulture, $"""
                PRAGMA synchronous = {(options.SyncEveryCommit ? "FULL" : "NORMAL")};
                PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};
                """);
            using (var pragmas = writer.CreateCommand())
            {
                // WAL: readers never block the writer. Checkpoints: see SqliteCheckpointer.
                pragmas.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                    PRAGMA journal_mode = WAL;
                    {syncPragmas}
                    PRAGMA wal_autocheckpoint = {BackstopCheckpointPages};
                    PRAGMA journal_size_limit = {WalSizeLimitBytes};
                    PRAGMA temp_store = MEMORY;
                    PRAGMA cache_size = -{WriterCacheKiB};
                    """);
                pragmas.ExecuteNonQuery();
            }

            SqliteMigrator.Migrate(writer);
            return new SqliteDatabase(path, connectionString, syncPragmas, options.CheckpointInterval, writer, sql);
        }
        catch (SqliteException exception)
        {
            writer.Dispose();
            throw SqliteErrors.Translate(exception);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Runs a read on a kept reader connection (outside the write gate; WAL lets it read while a write is open).</summary>
    public Task<T> ReadAsync<T>(Func<ISqliteSession, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        var reader = _readers.Rent();
        var healthy = false;
        try
        {
            var result = read(reader);
            healthy = true;
            return Task.FromResult(result);
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception);
        }
        finally
        {
            _readers.Return(reader, healthy);
        }
    }

    /// <summary>
    /// Runs the reads of an engine claim on the claim reader's own connection. The caller holds
    /// <see cref="SqliteClaimRegistry.Turn"/>, which is what keeps that connection to one user at a time.
    /// </summary>
    public T ReadForClaim<T>(Func<ISqliteSession, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return read(_claimReader);
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception);
        }
    }

    /// <summary>Runs a write in its own transaction and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<ISqliteSession, T> write, CancellationToken cancellationToken)
    {
        using var session = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        T result;
        try
        {
            result = write(session);
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception);
        }

        session.Commit();
        return result;
    }

    /// <summary>
    /// Runs a write that may share its transaction with other writes queued at the same time (group commit,
    /// see <see cref="SqliteGroupCommit"/>); returns only after that transaction committed.
    /// </summary>
    public Task<T> WriteGroupedAsync<T>(Func<ISqliteSession, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _groupCommit.WriteAsync(write, cancellationToken);
    }

    /// <summary>Waits for the write gate and opens the write transaction (BEGIN IMMEDIATE).</summary>
    public async Task<SqliteWriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new SqliteWriteSession(this, _writer.BeginTransaction(deferred: false));
        }
        catch (SqliteException exception)
        {
            _writeGate.Release();
            throw SqliteErrors.Translate(exception);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>The writer's cached command for a statement, bound to the open transaction.</summary>
    internal SqliteCommand WriterCommand(string statement, SqliteTransaction transaction)
    {
        var command = _writerStatements.Command(statement);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>The writer's prepared statement (see <see cref="SqlitePreparedStatement"/>); runs in the open transaction.</summary>
    internal SqlitePreparedStatement WriterStatement(string statement) => _writerStatements.Prepared(statement);

    internal void EndWrite()
    {
        _writeGate.Release();
        _checkpointer.Committed();
    }

    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // First, so that no checkpoint turn waits for the gate or uses the file while the rest closes.
        _checkpointer.Dispose();
        // A store disposed while the server still runs (shutdown, or a test taking storage away) must not pull
        // the connections from under a write or a claim in progress: let those finish first, but never hang.
        var quiet = _writeGate.Wait(DisposeWait);
        var noClaim = Claims.Turn.Wait(DisposeWait);
        _writerStatements.Dispose();

        try
        {
            _writer.Dispose();
        }
        catch (SqliteException) when (!quiet)
        {
            // The transaction a timed-out writer still held is gone with the connection; nothing to keep.
        }

        _claimReader.Dispose();
        if (noClaim)
        {
            Claims.Turn.Release();
        }

        // Kept readers keep the file open otherwise (and a test could not delete its temp database). A read still
        // running closes its reader when it gives it back.
        _readers.Dispose();
        _writeGate.Dispose();
        Claims.Release();
    }
}
