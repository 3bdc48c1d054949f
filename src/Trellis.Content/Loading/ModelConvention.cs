namespace Trellis.Content.Loading;

/// <summary>
/// Where a workspace's propensity models live: <c>models/</c> in the content folder, next to <c>journeys/</c>
/// (the same convention as templates/), which is where <c>trellis train</c> writes them. Such folders are read
/// even when not named, so validating or running one journey or scenario finds the models it scores with.
/// </summary>
internal static class ModelConvention
{
    public static IEnumerable<string> Folders(IEnumerable<string> journeyPaths, IEnumerable<string> rootFolders)
    {
        var folders = new List<string>();
        foreach (var root in rootFolders)
        {
            folders.Add(ContentPaths.Join(root, "models"));
        }

        foreach (var journey in journeyPaths)
        {
            var folder = ContentPaths.DirectoryOf(journey);
            folders.Add(ContentPaths.Join(folder, "models"));
            if (folder.Length > 0 && Path.GetFileName(folder) is not ("." or ".."))
            {
                folders.Add(ContentPaths.Join(ContentPaths.DirectoryOf(folder), "models"));
            }
        }

        return folders.Distinct(StringComparer.Ordinal).Where(Directory.Exists);
    }
}
