namespace Trellis.Content.Loading;

/// <summary>Turns a path into the content files it stands for: the file itself, or every content file under a folder.</summary>
internal static class PathExpander
{
    /// <summary>The files, in a stable order (ordinal by name, files before subfolders); null when nothing is there.</summary>
    public static IReadOnlyList<ContentFileEntry>? Expand(string path, Func<string, bool> isSource)
    {
        if (isSource(path) || File.Exists(path))
        {
            return [new ContentFileEntry(path, ContentFileKinds.Of(path))];
        }

        if (!Directory.Exists(path))
        {
            return null;
        }

        var found = new List<ContentFileEntry>();
        Walk(path, found);
        return found;
    }

    private static void Walk(string directory, List<ContentFileEntry> found)
    {
        var info = new DirectoryInfo(directory);
        foreach (var file in info.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (ContentFileKinds.Of(file.Name) is { } kind && !file.Name.StartsWith('.'))
            {
                found.Add(new ContentFileEntry(ContentPaths.Join(directory, file.Name), kind));
            }
        }

        // Hidden folders (.git, .vs, …) never hold content.
        foreach (var sub in info.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (!sub.Name.StartsWith('.'))
            {
                Walk(ContentPaths.Join(directory, sub.Name), found);
            }
        }
    }
}
