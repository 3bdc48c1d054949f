using Microsoft.Data.Sqlite;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>A pooled read connection. WAL lets readers run while the writer holds its transaction.</summary>
internal sealed class SqliteReadSession : ISqliteSession, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqlCatalog _sql;
    private readonly List<SqliteCommand> _commands = [];
    private readonly List<SqlitePreparedStatement> _prepared = [];

    public SqliteReadSession(string connectionString, SqlCatalog sql)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _sql = sql;
    }

    public SqliteCommand Command(string statement)
    {
        var command = _connection.CreateCommand();
        command.CommandText = _sql[statement];
        _commands.Add(command);
        return command;
    }

    public SqlitePreparedStatement Prepared(string statement)
    {
        var prepared = new SqlitePreparedStatement(_connection, _sql[statement]);
        _prepared.Add(prepared);
        return prepared;
    }

    public void Dispose()
    {
        foreach (var prepared in _prepared)
        {
            prepared.Dispose();
        }

        foreach (var command in _commands)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
