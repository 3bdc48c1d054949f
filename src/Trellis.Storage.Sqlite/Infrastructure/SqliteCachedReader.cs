using Microsoft.Data.Sqlite;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// A reader connection opened once and kept, with its statements prepared on first use and cached. Engine claims,
/// the outbox dispatcher and the dashboard read many times a second; a connection from Microsoft.Data.Sqlite's pool
/// re-prepares every statement on every read and leaves finalizable statement handles behind each time, which
/// under load cost more than the reads themselves. Used by one caller at a time (the claim turn, or a rent from
/// <see cref="SqliteReaderPool"/>). Every statement is reset after use, so an idle reader holds no WAL snapshot.
/// </summary>
internal sealed class SqliteCachedReader(string connectionString, SqlCatalog sql, int cacheKiB) : ISqliteSession, IDisposable
{
    /// <summary>
    /// Readers map the database file instead of reading it into their page cache. Under constant commits a WAL
    /// reader's page cache is dropped whenever another connection committed (SQLite cannot tell which pages changed),
    /// so every page a claim or dispatcher read needs was read again with pread, copied into a fresh cache page and
    /// freed at the next commit. A mapped page is used in place and never enters the cache; pages whose newest
    /// version is in the WAL are still read as before. Only the address space is reserved: the memory is the OS page
    /// cache the file is in anyway.
    /// </summary>
    internal const long MmapBytes = 1L << 30;

    private SqliteConnection? _connection;
    private SqliteStatementCache? _statements;

    public SqliteCommand Command(string statement) => Statements.Command(statement);

    public SqlitePreparedStatement Prepared(string statement) => Statements.Prepared(statement);

    private SqliteStatementCache Statements
    {
        get
        {
            if (_statements is null)
            {
                var connection = new SqliteConnection(connectionString);
                connection.Open();
                using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = $"PRAGMA cache_size = -{cacheKiB}; PRAGMA mmap_size = {MmapBytes};";
                    pragma.ExecuteNonQuery();
                }

                _connection = connection;
                _statements = new SqliteStatementCache(connection, sql);
            }

            return _statements;
        }
    }

    public void Dispose()
    {
        _statements?.Dispose();
        _connection?.Dispose();
    }
}
