using System.Text.Json;

namespace Trellis.Dashboard.Tests;

/// <summary>
/// Runs scripts/browser-tests/walk.mjs (playwright-core driving Debian's Chromium) against a server and returns
/// the JSON it printed. Installs what it needs first: Chromium through scripts/ensure-chromium.sh, the Node
/// packages with <c>npm ci</c> when node_modules is missing.
/// </summary>
internal static class BrowserWalk
{
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static string? _chromium;

    public static string ScriptFolder => Path.Combine(RepoRoot.Path, "scripts", "browser-tests");

    /// <summary>Where screenshots go: under the repository's ignored .artifacts folder, kept after the run for people to look at.</summary>
    public static string ScreenshotFolder(string name) => Path.Combine(RepoRoot.Path, ".artifacts", "dashboard-screenshots", name);

    public static Task<JsonElement> RunAsync(params string[] args) => RunScriptAsync("walk.mjs", args);

    /// <summary>Runs one of the scripts (walk.mjs, timings.mjs) and parses the JSON line it printed last.</summary>
    public static async Task<JsonElement> RunScriptAsync(string script, params string[] args)
    {
        var chromium = await EnsureReadyAsync();
        var (code, stdout, stderr) = await ProcessRunner.RunAsync("node", ScriptFolder, [script, "--chromium", chromium, .. args], TimeSpan.FromMinutes(10));
        Assert.True(code == 0, $"{script} failed (exit {code}):\n{stderr}\n{stdout}");
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static async Task<string> EnsureReadyAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_chromium is null)
            {
                var (code, stdout, stderr) = await ProcessRunner.RunAsync("bash", RepoRoot.Path, [Path.Combine("scripts", "ensure-chromium.sh")], TimeSpan.FromMinutes(10));
                Assert.True(code == 0, $"scripts/ensure-chromium.sh failed:\n{stderr}");
                _chromium = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
            }

            if (!Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "playwright-core")))
            {
                var (code, stdout, stderr) = await ProcessRunner.RunAsync("npm", ScriptFolder, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
                Assert.True(code == 0, $"npm ci failed in {ScriptFolder}:\n{stdout}\n{stderr}");
            }

            return _chromium;
        }
        finally
        {
            Setup.Release();
        }
    }
}
