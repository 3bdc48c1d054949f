using Trellis.Content;

namespace Trellis.Server.Hosting;

/// <summary>
/// The workspace's content folder (<c>Trellis:Content:Path</c>): <c>journeys/</c>, <c>templates/</c>,
/// <c>policies.yaml</c> and the propensity models of <c>models/</c> (written by <c>trellis train</c>), as in examples/. Only those are read: other folders (such as scenarios/, whose
/// test journeys must never run for real people) are left alone. A folder without journeys/ or templates/
/// subfolders is read flat (its own files only).
/// </summary>
public sealed class ContentFolder
{
    public ContentFolder(string? path)
    {
        Path = path;
    }

    /// <summary>The folder, or null when the server runs without content.</summary>
    public string? Path { get; }

    /// <summary>Reads journeys, templates and policies from disk now (content may change while the server runs).</summary>
    public ContentSet Load() => ContentLoader.Load(Files());

    /// <summary>Templates, policies and models: what uploaded journeys are validated and compiled against.</summary>
    public ContentSet LoadTemplatesAndPolicies() =>
        ContentLoader.Load(Files().Where(f => ContentFileKinds.Of(f) is ContentFileKind.Template or ContentFileKind.Policies or ContentFileKind.Model));

    private IReadOnlyList<string> Files()
    {
        if (Path is null || !Directory.Exists(Path))
        {
            return [];
        }

        var files = new List<string>();
        var policies = System.IO.Path.Combine(Path, "policies.yaml");
        if (File.Exists(policies))
        {
            files.Add(policies);
        }

        var structured = false;
        foreach (var sub in new[] { "journeys", "templates", "models" })
        {
            var folder = System.IO.Path.Combine(Path, sub);
            if (Directory.Exists(folder))
            {
                structured = true;
                files.AddRange(ContentFilesIn(folder, SearchOption.AllDirectories));
            }
        }

        if (!structured)
        {
            files.AddRange(ContentFilesIn(Path, SearchOption.TopDirectoryOnly).Where(f => !files.Contains(f)));
        }

        return files;
    }

    private static IEnumerable<string> ContentFilesIn(string folder, SearchOption option) =>
        Directory.EnumerateFiles(folder, "*", option)
            .Where(f => ContentFileKinds.Of(f) is ContentFileKind.Journey or ContentFileKind.Template or ContentFileKind.Policies or ContentFileKind.Model)
            .Order(StringComparer.Ordinal);

    /// <summary>The configured folder, else <c>./examples</c> when it exists, else none.</summary>
    internal static ContentFolder Resolve(ContentSettings settings, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(settings.Path))
        {
            return new ContentFolder(System.IO.Path.IsPathRooted(settings.Path) ? settings.Path : System.IO.Path.Combine(contentRoot, settings.Path));
        }

        var examples = System.IO.Path.Combine(contentRoot, "examples");
        return new ContentFolder(Directory.Exists(examples) ? examples : null);
    }
}
