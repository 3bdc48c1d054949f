using Npgsql;

namespace Trellis.Bench.Server;

/// <summary>Its own connection to the bench schema (the server's pool is left to the server).</summary>
internal sealed class PostgresOutboxReader : IOutboxReader
{
    private readonly NpgsqlConnection _connection;

    private PostgresOutboxReader(NpgsqlConnection connection)
    {
        _connection = connection;
    }

    public static async Task<PostgresOutboxReader> OpenAsync(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return new PostgresOutboxReader(connection);
    }

    public async Task<IReadOnlyList<OutboxRow>> ReadAfterAsync(long afterId, int max)
    {
        await using var command = new NpgsqlCommand("SELECT id, person_id, created_at FROM outbox WHERE id > @after ORDER BY id LIMIT @max", _connection);
        command.Parameters.AddWithValue("after", afterId);
        command.Parameters.AddWithValue("max", max);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var created = reader.GetFieldValue<DateTime>(2);
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), (created.Ticks - DateTime.UnixEpoch.Ticks) / 10));
        }

        return rows;
    }

    public async Task<long> CountAsync()
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox", _connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
