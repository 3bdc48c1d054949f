using Trellis.Content;
using Trellis.Runtime.Scenarios;

namespace Trellis.Scenarios.Tests;

/// <summary>Every scenario file — the shared acceptance fixtures and the project's own — as one test each.</summary>
public class ScenarioFileTests
{
    public static TheoryData<string> Files()
    {
        var root = RepoRoot.Find();
        var data = new TheoryData<string>();
        foreach (var folder in new[] { Path.Combine(root, "..", "shared", "examples", "scenarios"), Path.Combine(root, "examples", "scenarios") })
        {
            if (Directory.Exists(folder))
            {
                foreach (var f in Directory.GetFiles(folder, "*.scenario.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    data.Add(Path.GetRelativePath(root, f));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_meets_its_expectations(string file)
    {
        var content = ContentLoader.Load(Path.Combine(RepoRoot.Find(), file));
        Assert.True(content.IsValid, string.Join("\n", content.Diagnostics));
        var scenario = Assert.Single(content.Scenarios);
        var verdict = ExpectationChecker.Check(scenario, ScenarioRunner.Run(ScenarioScripts.From(scenario)));
        Assert.True(verdict.Passed, string.Join("\n", verdict.Failures));
    }

    [Fact]
    public void The_acceptance_fixtures_are_all_there()
    {
        // Guards against a silently empty theory when ../shared is missing.
        Assert.True(Files().Count >= 4, "expected the four acceptance scenarios of ../shared/examples/scenarios");
    }
}
