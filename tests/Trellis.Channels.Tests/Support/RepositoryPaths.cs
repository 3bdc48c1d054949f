using System.Reflection;

namespace Trellis.Channels.Tests.Support;

/// <summary>Finds files of this repository, wherever the clone and the build output are.</summary>
public static class RepositoryPaths
{
    public static string Find(string relativePath)
    {
        var root = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var starts = new[] { root, AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"'{relativePath}' not found from {string.Join(", ", starts)}");
    }
}
