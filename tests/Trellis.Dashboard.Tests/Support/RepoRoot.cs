using System.Runtime.CompilerServices;

namespace Trellis.Dashboard.Tests;

/// <summary>
/// The repository root (the folder with Trellis.slnx): above the test binaries, the working directory, or this
/// source file (binaries may be built outside the tree with --artifacts-path).
/// </summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), System.IO.Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Trellis.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("repository root (Trellis.slnx) not found");
    }
}
