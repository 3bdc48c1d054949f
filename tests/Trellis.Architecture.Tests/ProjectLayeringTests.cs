using System.Xml.Linq;

namespace Trellis.Architecture.Tests;

/// <summary>
/// Project references point inward: core ← templates/content ← runtime ← storage, channels ← server, CLI.
/// A new project must be placed in this map before it can reference anything.
/// </summary>
public class ProjectLayeringTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Trellis.Core"] = [],
        ["Trellis.Templates"] = ["Trellis.Core"],
        ["Trellis.Content"] = ["Trellis.Core", "Trellis.Templates"],
        ["Trellis.Runtime"] = ["Trellis.Core", "Trellis.Content", "Trellis.Templates"],
        ["Trellis.Storage"] = ["Trellis.Core"],
        ["Trellis.Storage.Sqlite"] = ["Trellis.Core", "Trellis.Storage"],
        ["Trellis.Storage.Postgres"] = ["Trellis.Core", "Trellis.Storage"],
        ["Trellis.Channels"] = ["Trellis.Core"],
        ["Trellis.Measurement"] = ["Trellis.Core", "Trellis.Content", "Trellis.Runtime", "Trellis.Templates"],
        ["Trellis.Server"] = ["Trellis.Core", "Trellis.Content", "Trellis.Templates", "Trellis.Runtime", "Trellis.Storage",
            "Trellis.Storage.Sqlite", "Trellis.Storage.Postgres", "Trellis.Channels", "Trellis.Measurement"],
        ["Trellis.Cli"] = ["Trellis.Core", "Trellis.Content", "Trellis.Templates", "Trellis.Runtime", "Trellis.Storage",
            "Trellis.Storage.Sqlite", "Trellis.Storage.Postgres", "Trellis.Channels", "Trellis.Measurement", "Trellis.Server"],
    };

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var csproj in Directory.GetFiles(Path.Combine(RepoRoot.Find(), "src"), "*.csproj", SearchOption.AllDirectories))
        {
            data.Add(Path.GetFileNameWithoutExtension(csproj));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_point_inward(string project)
    {
        Assert.True(Allowed.ContainsKey(project), $"{project} is not in the layering map of {nameof(ProjectLayeringTests)}");
        var path = Path.Combine(RepoRoot.Find(), "src", project, project + ".csproj");
        var references = XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
        var outward = references.Except(Allowed[project]).ToList();
        Assert.True(outward.Count == 0, $"{project} references {string.Join(", ", outward)}, which sit outside its layer");
    }
}
