using System.Text.Json;
using Trellis.Cli;
using Trellis.Measurement.Tests.Support;

namespace Trellis.Measurement.Tests.Cli;

/// <summary>`trellis simulate` end to end through the CLI entry point (and so through SimulateCommand).</summary>
public class SimulateCommandTests
{
    [Fact]
    public void Writes_a_json_report()
    {
        using var report = new TempFile("report.json");
        var code = CliApp.Run(["simulate", TestContent.Folder, "--people", "300", "--days", "21", "--seed", "4", "--report", report.Path]);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(report.Path));
        Assert.Equal(300, json.RootElement.GetProperty("settings").GetProperty("people").GetInt32());
        Assert.Equal(7, json.RootElement.GetProperty("journeys").GetArrayLength());
    }

    [Fact]
    public void Writes_a_self_contained_html_report_with_charts()
    {
        using var report = new TempFile("report.html");
        Assert.Equal(0, CliApp.Run(["simulate", TestContent.Folder, "--people", "300", "--days", "21", "--seed", "4", "--report", report.Path]));
        var html = File.ReadAllText(report.Path);
        Assert.StartsWith("<!doctype html>", html);
        Assert.Contains("<svg", html);
        Assert.Contains("id=\"report-data\"", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void A_behaviour_file_is_used_and_its_mistakes_stop_the_run()
    {
        using var behavior = new TempFile("behavior.yaml");
        using var report = new TempFile("report.json");
        behavior.Write("personas:\n  - name: shopper\n    events:\n      cart_abandoned: 0.5\n");
        Assert.Equal(0, CliApp.Run(["simulate", TestContent.Folder, "--people", "100", "--days", "7", "--behavior", behavior.Path, "--report", report.Path]));
        Assert.Contains(behavior.Path, File.ReadAllText(report.Path));

        behavior.Write("personas:\n  - name: shopper\n    share: -1\n");
        Assert.Equal(2, CliApp.Run(["simulate", TestContent.Folder, "--people", "100", "--days", "7", "--behavior", behavior.Path, "--report", report.Path]));
    }

    [Fact]
    public void Bad_arguments_are_usage_errors()
    {
        using var report = new TempFile("report.json");
        Assert.Equal(2, CliApp.Run(["simulate", TestContent.Folder, "--people", "many", "--report", report.Path]));
        Assert.Equal(2, CliApp.Run(["simulate", TestContent.Folder, "--people", "10"]));
        Assert.Equal(2, CliApp.Run(["simulate", TestContent.Folder, "--people", "10", "--report", report.Path, "--colour", "red"]));
    }
}
