using Trellis.Content.Tests.Support;

namespace Trellis.Content.Tests;

/// <summary>
/// The bad examples in Fixtures/invalid: each file, loaded on its own, gives exactly the diagnostics written at
/// its end as <c># expect: LINE: message</c> (none for the good files the bad ones lean on).
/// </summary>
public class FixtureTests
{
    private static string Folder => Path.Combine(RepoPaths.Fixtures, "invalid");

    public static TheoryData<string> Files() => new(RelativePaths());

    private static IEnumerable<string> RelativePaths() =>
        Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public void File_gives_the_diagnostics_it_declares(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        var expected = File.ReadLines(path)
            .Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal))
            .Select(l => relativePath + ":" + l["# expect: ".Length..])
            .ToArray();
        var actual = ContentLoader.Load(path).Diagnostics
            .Select(d => d.ToString().Replace(Folder + Path.DirectorySeparatorChar, "").Replace('\\', '/'))
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_kind_of_file_has_bad_examples()
    {
        var files = RelativePaths().ToArray();
        Assert.True(files.Count(f => f.EndsWith(".journey.yaml", StringComparison.Ordinal)) >= 10);
        Assert.Contains(files, f => f.StartsWith("bad-templates/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("policies.yaml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".scenario.yaml", StringComparison.Ordinal));
    }
}
