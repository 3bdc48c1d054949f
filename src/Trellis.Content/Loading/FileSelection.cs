namespace Trellis.Content.Loading;

/// <summary>The content files found under some paths, by kind, each once, in the order they were found.</summary>
internal sealed class FileSelection
{
    private readonly HashSet<string> _keys = [];

    public List<string> Journeys { get; } = [];

    public List<string> Templates { get; } = [];

    public List<string> Policies { get; } = [];

    public List<string> Scenarios { get; } = [];

    public List<string> Models { get; } = [];

    /// <summary>Adds a file unless it is already there; returns whether it was new.</summary>
    public bool Add(string path, ContentFileKind kind)
    {
        if (!_keys.Add(ContentPaths.Key(path)))
        {
            return false;
        }

        var list = kind switch
        {
            ContentFileKind.Journey => Journeys,
            ContentFileKind.Template => Templates,
            ContentFileKind.Policies => Policies,
            ContentFileKind.Model => Models,
            _ => Scenarios,
        };
        list.Add(path);
        return true;
    }
}
