using Npgsql;
using Trellis.Storage.Postgres;

namespace Trellis.Storage.Tests;

/// <summary>
/// One schema for the PostgreSQL compliance class: created (and migrated) once, emptied before every test,
/// dropped at the end. Emptying is much cheaper than creating a schema per test (~0.5 s of DDL each), and
/// the tests of one class run one after another, so they never see each other's rows.
/// </summary>
public sealed class PostgresSchemaFixture : IAsyncLifetime
{
    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => PostgresTestServer.ConnectionString;

    public async Task InitializeAsync()
    {
        await using var store = await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = ConnectionString, Schema = Schema });
    }

    /// <summary>
    /// Empties every table except schema_version. DELETE, not TRUNCATE: on a few rows it takes milliseconds,
    /// TRUNCATE of a dozen tables half a second (it replaces their files).
    /// </summary>
    public async Task EmptyAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = @schema AND tablename <> 'schema_version'",
            connection);
        list.Parameters.AddWithValue("schema", Schema);
        var tables = new List<string>();
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using var empty = new NpgsqlCommand(string.Concat(tables.Select(t => $"DELETE FROM {t};")), connection);
        await empty.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
