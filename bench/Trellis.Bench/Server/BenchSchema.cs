using Npgsql;

namespace Trellis.Bench.Server;

/// <summary>
/// A fresh PostgreSQL schema per measurement, so runs are independent: named here, created by the store when it
/// opens, dropped afterwards to keep the cluster small.
/// </summary>
internal static class BenchSchema
{
    public static string NewName(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..12];

    public static async Task DropAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection) { CommandTimeout = 300 };
        await drop.ExecuteNonQueryAsync();
    }
}
