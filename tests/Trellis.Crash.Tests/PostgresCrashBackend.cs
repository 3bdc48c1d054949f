using System.Diagnostics;
using Trellis.Storage;
using Trellis.Storage.Postgres;

namespace Trellis.Crash.Tests;

/// <summary>PostgreSQL from $TRELLIS_TEST_POSTGRES or scripts/ensure-postgres.sh; each run gets its own schema.</summary>
internal sealed class PostgresCrashBackend : CrashBackend
{
    private static readonly Lazy<string> Connection = new(FindConnection);
    private readonly string _schema = "crash_" + Guid.NewGuid().ToString("N")[..12];

    public override string Name => "postgres";

    public override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Trellis__Storage__Provider"] = "postgres",
        ["Trellis__Storage__ConnectionString"] = Connection.Value,
        ["Trellis__Storage__Schema"] = _schema,
    };

    public override async Task<ITrellisStore> OpenAsync() =>
        await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = Connection.Value, Schema = _schema });

    private static string FindConnection()
    {
        var env = System.Environment.GetEnvironmentVariable("TRELLIS_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env;
        }

        var script = Path.Combine(RepoRoot.Find(), "scripts", "ensure-postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("cannot run " + script);
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        process.WaitForExit();
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"PostgreSQL is needed and could not be had ({script} exited {process.ExitCode}):\n{stderr.Result}");
        }

        return lines[^1];
    }
}
