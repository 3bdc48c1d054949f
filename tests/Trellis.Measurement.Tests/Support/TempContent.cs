namespace Trellis.Measurement.Tests.Support;

/// <summary>A content folder in a fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempContent : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("trellis-content-").FullName;

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
