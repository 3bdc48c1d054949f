using Microsoft.Data.Sqlite;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// The connection engine claims read on: opened once and kept, with its commands cached, because a claim runs
/// every few milliseconds under load and a pooled reader would re-open, re-prepare and leave finalizable
/// handles behind each time. Only used while holding <see cref="SqliteClaimRegistry.Turn"/>, so by one claim
/// at a time.
/// </summary>
internal sealed class SqliteClaimReader(string connectionString, SqlCatalog sql) : ISqliteSession, IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqlitePreparedStatement> _prepared = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    public SqliteCommand Command(string statement)
    {
        if (!_commands.TryGetValue(statement, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql[statement];
            _commands.Add(statement, command);
        }

        return command;
    }

    public SqlitePreparedStatement Prepared(string statement)
    {
        if (!_prepared.TryGetValue(statement, out var prepared))
        {
            prepared = new SqlitePreparedStatement(Connection, sql[statement]);
            _prepared.Add(statement, prepared);
        }

        return prepared;
    }

    private SqliteConnection Connection
    {
        get
        {
            if (_connection is null)
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
            }

            return _connection;
        }
    }

    public void Dispose()
    {
        foreach (var prepared in _prepared.Values)
        {
            prepared.Dispose();
        }

        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection?.Dispose();
    }
}
