using Microsoft.Data.Sqlite;

namespace Trellis.Bench.Server;

/// <summary>A read-only connection to the server's SQLite file (WAL: it never blocks the server's writer).</summary>
internal sealed class SqliteOutboxReader : IOutboxReader
{
    private readonly SqliteConnection _connection;

    public SqliteOutboxReader(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _connection.Open();
    }

    public Task<IReadOnlyList<OutboxRow>> ReadAfterAsync(long afterId, int max)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, person_id, created_at FROM outbox WHERE id > $after ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<OutboxRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return Task.FromResult<IReadOnlyList<OutboxRow>>(rows);
    }

    public Task<long> CountAsync()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox";
        return Task.FromResult((long)command.ExecuteScalar()!);
    }

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
