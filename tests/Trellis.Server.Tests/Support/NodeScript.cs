using System.Diagnostics;

namespace Trellis.Server.Tests;

/// <summary>Runs the Node project in scripts/segment-client (installing its locked packages with npm ci when missing).</summary>
internal static class NodeScript
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder => Path.Combine(RepoRoot.Path, "scripts", "segment-client");

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        await EnsureInstalledAsync();
        return await RunProcessAsync("node", Folder, ["send.mjs", .. args]);
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "@segment", "analytics-node")))
            {
                return;
            }

            var (code, output) = await RunProcessAsync("npm", Folder, ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {Folder}:\n{output}");
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int, string)> RunProcessAsync(string file, string folder, string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
