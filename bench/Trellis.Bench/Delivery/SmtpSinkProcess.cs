using System.Diagnostics;
using System.Text.Json;

namespace Trellis.Bench.Delivery;

/// <summary>The repository's SMTP sink (scripts/smtp-test-server, node) on 127.0.0.1, writing what it receives to a temp folder.</summary>
internal sealed class SmtpSinkProcess : IDisposable
{
    private readonly Process _process;

    private SmtpSinkProcess(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public static SmtpSinkProcess Start()
    {
        var serverDir = FindUp(Path.Combine("scripts", "smtp-test-server"));
        if (!Directory.Exists(Path.Combine(serverDir, "node_modules", "smtp-server")))
        {
            throw new InvalidOperationException($"run `npm ci` in {serverDir} first");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"trellis-bench-smtp-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = serverDir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.js");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add(folder);
        start.Environment["SMTP_TEST_EXIT_ON_STDIN_CLOSE"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the SMTP sink exited");
        using var ready = JsonDocument.Parse(line);
        return new SmtpSinkProcess(process, ready.RootElement.GetProperty("port").GetInt32(), folder);
    }

    /// <summary>CPU the SMTP server has used so far: what accepting the mail cost on the server's side.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindUp(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"{relative} not found above the current or the program's folder");
    }
}
