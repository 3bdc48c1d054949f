using Microsoft.Data.Sqlite;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// The named statements of one long-lived connection, created (and prepared) on first use and kept: the writer
/// and the claim reader run the same few statements thousands of times a second. Not thread-safe; each owner
/// keeps its connection to one user at a time. Disposing releases the statements, not the connection.
/// </summary>
internal sealed class SqliteStatementCache(SqliteConnection connection, SqlCatalog sql) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqlitePreparedStatement> _prepared = new(StringComparer.Ordinal);

    public SqliteCommand Command(string statement)
    {
        if (!_commands.TryGetValue(statement, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql[statement];
            _commands.Add(statement, command);
        }

        return command;
    }

    public SqlitePreparedStatement Prepared(string statement)
    {
        if (!_prepared.TryGetValue(statement, out var prepared))
        {
            prepared = new SqlitePreparedStatement(connection, sql[statement]);
            _prepared.Add(statement, prepared);
        }

        return prepared;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (var prepared in _prepared.Values)
        {
            prepared.Dispose();
        }
    }
}
