using System.Text.Json;
using Trellis.Cli;
using Trellis.Measurement.Tests.Support;

namespace Trellis.Measurement.Tests.Prediction;

/// <summary>
/// <c>score("model")</c> in <c>trellis simulate</c>: the folder's model is scored by the same engine, over the
/// history the engine keeps of the events the model reads, so busy and idle personas take different branches.
/// </summary>
public class ScoreInSimulationTests
{
    private const string Behavior = """
        personas:
          - name: busy
            traits: {seats: 2}
            events:
              login: 1.5
              checked_in: {rate: 0.05, once: true}
          - name: idle
            traits: {seats: 9}
            events:
              login: 0.01
              checked_in: {rate: 0.05, once: true}
        channels:
          email: {deliver: 1, open: 0.2, click: 0.1, open_delay: 1h, click_delay: 10m}
        """;

    [Fact]
    public void Busy_and_idle_people_take_the_branches_their_scores_pick()
    {
        using var content = new TempContent();
        var source = Path.Combine(SourceRoot(), "examples", "scenarios", "prediction");
        foreach (var sub in new[] { "journeys", "templates", "models" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(source, sub)))
            {
                content.Write(Path.Combine(sub, Path.GetFileName(file)), File.ReadAllText(file));
            }
        }

        var behavior = content.Write("behavior.yaml", Behavior);
        var report = Path.Combine(content.Root, "report.json");
        Assert.Equal(0, CliApp.Run(["simulate", content.Root, "--people", "400", "--days", "60", "--seed", "5", "--behavior", behavior, "--report", report]));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var journey = json.RootElement.GetProperty("journeys").EnumerateArray().Single(j => j.GetProperty("journey").GetString() == "pred-retention");
        var entries = journey.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!, s => s.GetProperty("entries").GetInt64());

        // Idle people (≈0 logins in 30 days, 9 seats): p ≈ 0.98, save-offer. Busy people (≈45 logins): p ≈ 0, tips.
        Assert.True(entries["by-risk"] > 200, $"{entries["by-risk"]} check-ins");
        Assert.True(entries["save-offer"] > 50, $"save-offer {entries["save-offer"]}");
        Assert.True(entries["tips"] > 50, $"tips {entries["tips"]}");
        Assert.Equal(entries["by-risk"], entries["save-offer"] + entries["nudge"] + entries["tips"]);
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(here)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trellis.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Trellis.slnx) was not found above the test sources");
    }
}
