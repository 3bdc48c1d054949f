using System.Diagnostics;
using System.Text.Json;

namespace Trellis.Channels.Tests.Support;

/// <summary>
/// The node SMTP sink (scripts/smtp-test-server) on 127.0.0.1, started once for the SMTP tests:
/// installs its packages if they are missing, lets the OS pick the port, and reads back the
/// messages it stored.
/// </summary>
public sealed class SmtpSink : IAsyncLifetime
{
    private static readonly TimeSpan InstallDeadline = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private Process? process;

    public int Port { get; private set; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"trellis-smtp-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var serverDir = RepositoryPaths.Find(Path.Combine("scripts", "smtp-test-server"));
        if (!Directory.Exists(Path.Combine(serverDir, "node_modules", "smtp-server")))
        {
            await InstallAsync(serverDir);
        }

        Directory.CreateDirectory(Folder);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = serverDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.js");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add(Folder);
        start.Environment["SMTP_TEST_EXIT_ON_STDIN_CLOSE"] = "1";
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");

        using var cts = new CancellationTokenSource(StartDeadline);
        var line = await process.StandardOutput.ReadLineAsync(cts.Token)
            ?? throw new InvalidOperationException($"the SMTP sink exited: {await process.StandardError.ReadToEndAsync(cts.Token)}");
        using var ready = JsonDocument.Parse(line);
        Port = ready.RootElement.GetProperty("port").GetInt32();
    }

    /// <summary>Waits (polling, with a deadline) for a stored message that matches.</summary>
    public Task<ReceivedEmail> WaitForAsync(Func<ReceivedEmail, bool> match, string what) =>
        Eventually.ValueAsync(() => Received().FirstOrDefault(match), what);

    public IEnumerable<ReceivedEmail> Received()
    {
        foreach (var eml in Directory.EnumerateFiles(Folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var envelope = Path.ChangeExtension(eml, ".json");
            yield return ReceivedEmail.Parse(File.ReadAllText(eml), File.Exists(envelope) ? File.ReadAllText(envelope) : "{}");
        }
    }

    private static async Task InstallAsync(string serverDir)
    {
        // npm ci installs exactly the committed lock file; fall back to npm install if that fails.
        foreach (var command in new[] { "ci", "install" })
        {
            var start = new ProcessStartInfo("npm")
            {
                WorkingDirectory = serverDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(command);
            start.ArgumentList.Add("--no-audit");
            start.ArgumentList.Add("--no-fund");
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("could not start npm");
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(InstallDeadline);
            await npm.WaitForExitAsync(cts.Token);
            if (npm.ExitCode == 0)
            {
                return;
            }

            if (command == "install")
            {
                throw new InvalidOperationException($"npm {command} failed: {await output}{await errors}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.StandardInput.Close(); // the sink exits when its stdin closes
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }

        process?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
