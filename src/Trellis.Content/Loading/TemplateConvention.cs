namespace Trellis.Content.Loading;

/// <summary>
/// The content folder convention (journeys/, templates/, policies.yaml): a journey's templates live in a
/// <c>templates/</c> folder next to the journey's folder, or inside it. Such folders are read to resolve
/// template references even when they were not named, so that validating one journey file works.
/// </summary>
internal static class TemplateConvention
{
    public static IEnumerable<string> Folders(IEnumerable<string> journeyPaths, IEnumerable<string> rootFolders)
    {
        var folders = new List<string>();
        foreach (var root in rootFolders)
        {
            folders.Add(ContentPaths.Join(root, "templates"));
        }

        foreach (var journey in journeyPaths)
        {
            var folder = ContentPaths.DirectoryOf(journey);
            folders.Add(ContentPaths.Join(folder, "templates"));
            var parent = ContentPaths.DirectoryOf(folder);
            if (folder.Length > 0 && Path.GetFileName(folder) is not ("." or ".."))
            {
                folders.Add(ContentPaths.Join(parent, "templates"));
            }
        }

        return folders.Distinct(StringComparer.Ordinal).Where(Directory.Exists);
    }
}
