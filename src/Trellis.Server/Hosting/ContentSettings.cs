namespace Trellis.Server.Hosting;

/// <summary>Configuration section <c>Trellis:Content</c>.</summary>
public sealed class ContentSettings
{
    /// <summary>
    /// The workspace's content folder (journeys/, templates/, policies.yaml). Default: <c>./examples</c> when it
    /// exists, so a fresh clone runs the example content; otherwise the server starts without content.
    /// </summary>
    public string? Path { get; set; }
}
