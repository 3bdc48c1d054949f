using NodaTime;
using Trellis.Core.Time;
using Trellis.Content.Loading;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;

namespace Trellis.Content.Scenarios;

/// <summary>Reads one <c>*.scenario.yaml</c> (SPEC §5) together with the workspace it runs.</summary>
internal sealed class ScenarioReader(LoadSession session)
{
    private static readonly string[] Fields =
        ["scenario", "description", "journeys", "templates", "policies", "start", "profiles", "events", "run_for", "expect"];

    /// <summary>The scenario when it and its workspace are valid; every problem goes to the session.</summary>
    public ScenarioDefinition? Read(string path)
    {
        var bag = new DiagnosticBag(path);
        var scenario = Read(path, bag, out var workspaceHasErrors);
        foreach (var d in bag.Items)
        {
            session.Report(d);
        }

        return bag.Count == 0 && !workspaceHasErrors ? scenario : null;
    }

    private ScenarioDefinition? Read(string path, DiagnosticBag bag, out bool workspaceHasErrors)
    {
        workspaceHasErrors = false;
        var readers = new FileReaders(bag);
        var root = session.ReadYaml(path, bag);
        if (root is null)
        {
            if (bag.Count == 0)
            {
                bag.Report(1, "the file is empty; a scenario needs 'scenario', 'journeys', 'start' and 'run_for'");
            }

            return null;
        }

        if (readers.Nodes.Mapping(root, "a scenario file") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "scenario", Fields);
        var nameNode = readers.Nodes.Required(map, "scenario", "a scenario file");
        var name = nameNode is null ? null : readers.Nodes.Text(nameNode, "scenario");
        if (map.Get("description") is { } description)
        {
            readers.Nodes.Text(description, "description");
        }

        var workspace = new ScenarioWorkspaceLoader(session, readers).Load(map, path);
        workspaceHasErrors = workspace?.HasErrors ?? false;
        var start = readers.Nodes.Required(map, "start", "a scenario file") is { } s ? readers.Times.Instant(s, "start") : null;
        var runFor = readers.Nodes.Required(map, "run_for", "a scenario file") is { } r ? readers.Times.PositiveDuration(r, "run_for") : null;
        var profiles = map.Get("profiles") is { } p ? new ScenarioProfileReader(readers).Read(p) : [];
        var inputs = map.Get("events") is { } e ? new ScenarioInputReader(readers).Read(e) : [];
        CheckInputsWithinRun(inputs, runFor, readers);

        var users = profiles.Select(x => x.Id).Concat(inputs.Select(i => i.User)).Distinct().ToArray();
        var subjects = new ScenarioSubjects(readers, users, workspace?.AllJourneys ?? [], runFor);
        var expectations = map.Get("expect") is { } x
            ? new ScenarioExpectationReader(readers, subjects).Read(x)
            : ScenarioExpectations.None;

        if (name is null || workspace is null || start is null || runFor is null)
        {
            return null;
        }

        return new ScenarioDefinition
        {
            Name = name,
            Location = bag.At(nameNode!.Line),
            Workspace = workspace.ToWorkspace(),
            Start = start.Value,
            RunFor = runFor.Value,
            Profiles = profiles,
            Inputs = inputs,
            Expectations = expectations,
        };
    }

    private static void CheckInputsWithinRun(IReadOnlyList<ScenarioInput> inputs, Duration? runFor, FileReaders readers)
    {
        if (runFor is not { } limit)
        {
            return;
        }

        foreach (var input in inputs.Where(i => i.Offset > limit))
        {
            readers.Report(input.Line,
                $"at {DurationText.Format(input.Offset)} is after the end of the run (run_for: {DurationText.Format(limit)})");
        }
    }
}
