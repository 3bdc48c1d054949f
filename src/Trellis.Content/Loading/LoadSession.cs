using Trellis.Content.Journeys;
using Trellis.Content.Policies;
using Trellis.Content.Reading;
using Trellis.Content.Templates;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Loading;

/// <summary>
/// One call of the loader: reads each file once however often it is reached (directly, through a scenario,
/// through the templates/ convention) and reports each problem once.
/// </summary>
internal sealed class LoadSession
{
    private readonly Dictionary<string, string> _sources;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<Diagnostic> _seen = [];
    private readonly Dictionary<string, JourneyFile> _journeys = [];
    private readonly Dictionary<string, TemplateFile> _templates = [];
    private readonly Dictionary<string, PoliciesFile> _policies = [];
    private readonly Dictionary<string, Models.ModelFile?> _models = [];

    public LoadSession(IEnumerable<ContentSource> sources)
    {
        _sources = [];
        foreach (var source in sources)
        {
            _sources[ContentPaths.Key(source.Path)] = source.Text;
        }
    }

    public bool IsSource(string path) => _sources.ContainsKey(ContentPaths.Key(path));

    public void Report(Diagnostic diagnostic)
    {
        if (_seen.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    public void Report(string file, int line, string message) => Report(new Diagnostic(new SourceLocation(file, line), message));

    /// <summary>All problems, by file and line; a file's problems keep the order they were found in within a line.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
        _diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToArray();

    public JourneyFile Journey(string path) =>
        Cached(_journeys, path, (root, bag) => JourneyReader.Read(root, bag));

    public TemplateFile Template(string path) =>
        Cached(_templates, path, (root, bag) => new TemplateFile(bag.File, TemplateReader.Read(root, bag), bag.Count > 0));

    public PoliciesFile Policies(string path) =>
        Cached(_policies, path, (root, bag) => new PoliciesFile(bag.File, PolicyReader.Read(root, bag), bag.Count > 0));

    /// <summary>Reads a model file once; null when it has errors (reported).</summary>
    public Models.ModelFile? Model(string path)
    {
        var key = ContentPaths.Key(path);
        if (_models.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var bag = new DiagnosticBag(path);
        var model = ReadText(path, bag) is { } text ? Models.ModelFileReader.Read(text, bag) : null;
        _models[key] = model;
        foreach (var d in bag.Items)
        {
            Report(d);
        }

        return model;
    }

    /// <summary>Reads and parses a file's YAML; null when it cannot be read or is not valid YAML (reported).</summary>
    public YamlNode? ReadYaml(string path, DiagnosticBag bag) =>
        ReadText(path, bag) is { } text ? YamlDocumentReader.Read(text, bag) : null;

    /// <summary>A file's text, from memory or disk; null when it cannot be read (reported).</summary>
    private string? ReadText(string path, DiagnosticBag bag)
    {
        if (_sources.TryGetValue(ContentPaths.Key(path), out var source))
        {
            return source;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The exception's text names the absolute path; messages keep the path as given.
            bag.Report(1, e is UnauthorizedAccessException ? "cannot read the file: access denied" : "cannot read the file");
            return null;
        }
    }

    private T Cached<T>(Dictionary<string, T> cache, string path, Func<YamlNode?, DiagnosticBag, T> read)
    {
        var key = ContentPaths.Key(path);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var bag = new DiagnosticBag(path);
        var root = ReadYaml(path, bag);
        var result = read(root, bag);
        cache[key] = result;
        foreach (var d in bag.Items)
        {
            Report(d);
        }

        return result;
    }
}
