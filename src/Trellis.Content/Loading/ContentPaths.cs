namespace Trellis.Content.Loading;

/// <summary>
/// Path arithmetic that keeps paths as the user wrote them: relative stays relative (messages must not show
/// where a machine keeps its files), and "a/b/../c" becomes "a/c".
/// </summary>
internal static class ContentPaths
{
    public static string Join(string directory, string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return Normalize(relative);
        }

        if (directory.Length == 0 || directory == ".")
        {
            return Normalize(relative);
        }

        return Normalize(directory.TrimEnd('/', '\\') + "/" + relative);
    }

    public static string DirectoryOf(string path) => Path.GetDirectoryName(path) ?? "";

    /// <summary>The key under which a file is read once per load, whichever way it was reached.</summary>
    public static string Key(string path) => Path.GetFullPath(path);

    public static string Normalize(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        var segments = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Length == 0 || (s == "." && (i > 0 || segments.Length == 1)))
            {
                continue;
            }

            if (s == ".." && parts.Count > 0 && parts[^1] != ".." && parts[^1] != ".")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(s);
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }
}
