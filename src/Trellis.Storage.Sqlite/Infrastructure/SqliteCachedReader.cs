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
                    pragma.CommandText = $"PRAGMA cache_size = -{cacheKiB};";
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
