namespace Trellis.Content.Tests.Support;

/// <summary>
/// A throw-away content folder. Diagnostics are returned relative to it, so tests can state the exact
/// <c>file:line: message</c> a person would see when running from inside the folder.
/// </summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "trellis-content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes a file (creating folders); the text's leading newline is dropped so raw strings read naturally.</summary>
    public TempContent Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public ContentSet Load(params string[] relativePaths) =>
        ContentLoader.Load(relativePaths.Length == 0 ? [Root] : relativePaths.Select(p => Path.Combine(Root, p)));

    /// <summary>The diagnostics of loading the given paths (the whole folder by default), as relative text.</summary>
    public string[] Diagnostics(params string[] relativePaths) => Relative(Load(relativePaths));

    public string[] Relative(ContentSet set) =>
        set.Diagnostics.Select(d => d.ToString().Replace(Root + Path.DirectorySeparatorChar, "")).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
