using Npgsql;
using Trellis.Storage;
using Trellis.Storage.Postgres;

namespace Trellis.Storage.Tests;

/// <summary>The compliance suite on PostgreSQL: a fresh schema per test on a real server.</summary>
public sealed class PostgresStoreCompliance : StoreCompliance
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    // The store creates its schema on open.
    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override async Task<ITrellisStore> OpenStoreAsync() =>
        await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = _schema });

    protected override async Task DropDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
