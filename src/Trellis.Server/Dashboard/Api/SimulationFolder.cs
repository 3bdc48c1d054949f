using Microsoft.AspNetCore.Hosting;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// The folder of <c>trellis simulate</c> reports listed on the simulations page
/// (<see cref="DashboardSettings.SimulationsPath"/>, relative to the content root), or none. Only <c>*.json</c>
/// files directly inside it can be opened, by bare file name: no path ever comes from the request.
/// </summary>
public sealed class SimulationFolder(DashboardSettings settings, IWebHostEnvironment environment)
{
    public const long MaxReportBytes = 64L * 1024 * 1024;

    public string? Path { get; } = string.IsNullOrWhiteSpace(settings.SimulationsPath)
        ? null
        : System.IO.Path.GetFullPath(settings.SimulationsPath, environment.ContentRootPath);

    public IReadOnlyList<FileInfo> List() =>
        Path is null || !Directory.Exists(Path)
            ? []
            : new DirectoryInfo(Path).EnumerateFiles("*.json", SearchOption.TopDirectoryOnly)
                .OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    public FileInfo? Find(string name) =>
        List().FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
