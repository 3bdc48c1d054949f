using System.Runtime.CompilerServices;

namespace Trellis.Content.Tests.Support;

/// <summary>Finds the repository (the folder with Trellis.slnx) from wherever the test assembly runs.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The acceptance examples, kept next to the repository in shared/.</summary>
    public static string SharedExamples => Path.GetFullPath(Path.Combine(Root, "..", "shared", "examples"));

    /// <summary>The bad-example fixtures this test project keeps.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "Trellis.Content.Tests", "Fixtures");

    /// <summary>
    /// Walks up from the test binaries; when they are built elsewhere (a separate artifacts path), from the
    /// working folder, and last from where this source file was compiled.
    /// </summary>
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Trellis.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Trellis.slnx not found above " + AppContext.BaseDirectory);
    }
}
