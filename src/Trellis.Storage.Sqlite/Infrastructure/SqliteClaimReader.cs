using Microsoft.Data.Sqlite;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// The connection engine claims read on: opened once and kept, with its statements cached, because a claim runs
/// every few milliseconds under load and a pooled reader would re-open, re-prepare and leave finalizable
/// handles behind each time. Only used while holding <see cref="SqliteClaimRegistry.Turn"/>, so by one claim
/// at a time.
/// </summary>
internal sealed class SqliteClaimReader(string connectionString, SqlCatalog sql) : ISqliteSession, IDisposable
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
                    // The persons and events a claim reads were mostly just written: keep them cached here too.
                    pragma.CommandText = "PRAGMA cache_size = -32768;";
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
