using Npgsql;
using Trellis.Storage.Postgres;

namespace Trellis.Storage.Tests;

/// <summary>
/// Plain connections to the test server, for the migration tests: they build a schema as an older version left it
/// (the backend's own scripts up to that version), write rows as that version wrote them, then let the store open
/// it and migrate the rest.
/// </summary>
internal static class PostgresTestDatabase
{
    public static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The backend's own migration scripts 1..<paramref name="version"/>, recorded as the migrator records them.</summary>
    public static async Task ApplyMigrationsThroughAsync(NpgsqlConnection connection, int version)
    {
        var scripts = MigrationScriptsThrough.Read(typeof(PostgresTrellisStore).Assembly, version);
        await ExecuteAsync(connection, "CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)");
        for (var i = 0; i < scripts.Count; i++)
        {
            await ExecuteAsync(connection, scripts[i]);
            await ExecuteAsync(connection, $"INSERT INTO schema_version VALUES ({i + 1}, 'v{i + 1}', now())");
        }
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
