using System.Reflection;

namespace Trellis.Templates.Tests.Support;

/// <summary>Finds the repository root (the folder holding Trellis.slnx), wherever the test binaries were built.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared acceptance fixtures live next to the repository: ../shared/examples/templates.</summary>
    public static string ExampleTemplates => Path.GetFullPath(Path.Combine(Root, "..", "shared", "examples", "templates"));

    private static string FindRoot()
    {
        // The binaries normally sit under the repository; with an artifacts path elsewhere, fall back to the
        // project directory recorded at build time (see the .csproj), then to the working directory.
        var projectDirectory = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        string?[] starts = [AppContext.BaseDirectory, projectDirectory, Directory.GetCurrentDirectory()];
        foreach (var start in starts.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Trellis.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"no Trellis.slnx above {AppContext.BaseDirectory} or {projectDirectory}");
    }
}
