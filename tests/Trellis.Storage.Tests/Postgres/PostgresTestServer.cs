using System.Diagnostics;

namespace Trellis.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests use: $TRELLIS_TEST_POSTGRES when set, otherwise the private cluster that
/// scripts/ensure-postgres.sh starts (installing PostgreSQL first if needed) and whose connection string it
/// prints last. If neither works the PostgreSQL tests FAIL with the reason: they are never skipped.
/// </summary>
internal static class PostgresTestServer
{
    public const string EnvironmentVariable = "TRELLIS_TEST_POSTGRES";

    private static readonly Lazy<string> Connection = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString => Connection.Value;

    private static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? RunEnsureScript() : fromEnvironment;
    }

    private static string RunEnsureScript()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "ensure-postgres.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start bash {script}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within 10 minutes.");
        }

        var lastLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(lastLine))
        {
            throw new InvalidOperationException(
                $"PostgreSQL is needed for these tests and could not be had: {script} exited with {process.ExitCode}. " +
                $"Set {EnvironmentVariable} to a connection string to use another server.\n{stderr.Result}");
        }

        return lastLine;
    }

    /// <summary>
    /// The folder holding Trellis.slnx: walking up from the test binaries, then from the working folder, then
    /// from the source folder recorded at build time (binaries built with --artifacts-path live elsewhere).
    /// </summary>
    private static string RepositoryRoot()
    {
        var sourceRoot = typeof(PostgresTestServer).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TrellisSourceRoot")?.Value;
        var starts = new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, sourceRoot };
        foreach (var start in starts.OfType<string>())
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Trellis.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Trellis.slnx not found above {string.Join(", ", starts.OfType<string>())}; set {EnvironmentVariable} to a PostgreSQL connection string.");
    }
}
