using System.Diagnostics;
using Npgsql;

namespace Trellis.Server.Tests;

/// <summary>
/// PostgreSQL for the server tests: $TRELLIS_TEST_POSTGRES when set, else the private cluster that
/// scripts/ensure-postgres.sh starts (it prints the connection string last). Never skipped: without
/// PostgreSQL these tests fail with the reason. Each test gets a schema of its own, dropped afterwards.
/// </summary>
internal static class PostgresTestDatabase
{
    private static readonly Lazy<string> Connection = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString => Connection.Value;

    public static string NewSchema() => "srv_" + Guid.NewGuid().ToString("N")[..16];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("TRELLIS_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepoRoot.Path, "scripts", "ensure-postgres.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + script);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(script + " did not finish within 10 minutes");
        }

        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return process.ExitCode == 0 && !string.IsNullOrEmpty(last)
            ? last
            : throw new InvalidOperationException($"PostgreSQL is needed and could not be had ({script} exited {process.ExitCode}); set TRELLIS_TEST_POSTGRES.\n{stderr.Result}");
    }
}
