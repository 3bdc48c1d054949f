namespace Trellis.Measurement.Tests.Support;

/// <summary>A file path in a fresh temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-measure-").FullName;

    public TempFile(string name) => Path = System.IO.Path.Combine(_folder, name);

    public string Path { get; }

    public string Write(string text)
    {
        File.WriteAllText(Path, text);
        return Path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
