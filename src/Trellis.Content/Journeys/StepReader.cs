using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>
/// Reads <c>steps:</c>. Each step has an id and exactly one kind. A step whose kind cannot be read still yields a
/// stand-in of the right shape, so that a typo in one step does not make the next ones look unreachable.
/// </summary>
internal sealed class StepReader(JourneyReadState state)
{
    public static readonly string[] Kinds = ["send", "wait", "wait_for", "branch", "split", "update", "exit"];

    // `description` documents a step, as it does a journey; it has no effect.
    private static readonly string[] CommonFields = ["id", "next", "on_event", "on_timeout", "description"];

    private static readonly string[] AllFields = [.. CommonFields, .. Kinds];

    private FileReaders Readers => state.Readers;

    public IReadOnlyList<StepDefinition> Read(YamlNode node)
    {
        if (Readers.Nodes.List(node, "steps") is not { } list)
        {
            return [];
        }

        if (list.Items.Count == 0)
        {
            Readers.Report(list.Line, "steps is empty; a journey needs at least one step");
            return [];
        }

        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = new List<StepDefinition>();
        for (var position = 0; position < list.Items.Count; position++)
        {
            steps.Add(ReadStep(list.Items[position], position, firstLineById));
        }

        return steps;
    }

    private StepDefinition ReadStep(YamlNode node, int position, Dictionary<string, int> firstLineById)
    {
        var location = Readers.Diagnostics.At(node.Line);
        var anonymous = $"#{position + 1}";
        if (Readers.Nodes.Mapping(node, "a step") is not { } map)
        {
            return new UpdateStep(anonymous, location, [], []);
        }

        var id = ReadId(map, anonymous, firstLineById);
        var nextId = ReadNext(map, position);
        var header = new StepHeader(id, location, position, nextId, map);
        var kinds = map.Entries.Where(e => Kinds.Contains(e.Name)).ToList();
        var unknown = map.Entries.Where(e => !AllFields.Contains(e.Name)).ToList();
        if (kinds.Count == 0)
        {
            ReportMissingKind(header, unknown);
            return new UpdateStep(id, location, [], []) { NextId = nextId };
        }

        foreach (var e in unknown)
        {
            Readers.Report(e.Key.Line, NodeReader.UnknownFieldMessage(e.Name, $"step '{id}'", AllFields));
        }

        if (kinds.Count > 1)
        {
            var names = string.Join(", ", kinds.Select(k => k.Name));
            Readers.Report(kinds[1].Key.Line, $"step '{id}' has several kinds ({names}); a step does exactly one thing");
        }

        var kind = kinds[0];
        ReportTargetsOutsideWaitFor(header, kind.Name);
        var step = ReadKind(header, kind);
        if (nextId is not null && !step.FallsThrough)
        {
            Readers.Report(map.Find("next")!.Key.Line,
                $"step '{id}' never goes on by itself ({Why(step)}), so 'next' would never be used");
        }

        return step;
    }

    private StepDefinition ReadKind(StepHeader header, YamlEntry kind) => kind.Name switch
    {
        "send" => new SendStepReader(state).Read(header, kind.Value),
        "wait" => new WaitStepReader(Readers).Read(header, kind.Value),
        "wait_for" => new WaitForStepReader(state).Read(header, kind.Value),
        "branch" => new BranchStepReader(state).Read(header, kind.Value),
        "split" => new SplitStepReader(state).Read(header, kind.Value),
        "update" => new UpdateStepReader(Readers).Read(header, kind.Value),
        _ => ReadExit(header, kind.Value),
    };

    private ExitStep ReadExit(StepHeader header, YamlNode node)
    {
        var reason = Readers.Nodes.StrictText(node, "exit", "exit: completed");
        return new ExitStep(header.Id, header.Location, reason ?? "completed") { NextId = header.NextId };
    }

    private string ReadId(YamlMapping map, string anonymous, Dictionary<string, int> firstLineById)
    {
        if (Readers.Nodes.Required(map, "id", "a step") is not { } idNode || Readers.Nodes.Text(idNode, "id") is not { } id)
        {
            return anonymous;
        }

        if (firstLineById.TryGetValue(id, out var firstLine))
        {
            Readers.Report(idNode.Line, $"duplicate step id '{id}' (first at line {firstLine})");
            return id;
        }

        firstLineById.Add(id, idNode.Line);
        return id;
    }

    private string? ReadNext(YamlMapping map, int position)
    {
        if (map.Get("next") is not { } node || Readers.Nodes.Text(node, "next") is not { } nextId)
        {
            return null;
        }

        state.References.Add(new StepReference(position, nextId, node.Line));
        return nextId;
    }

    private void ReportMissingKind(StepHeader header, List<YamlEntry> unknown)
    {
        var kinds = string.Join(", ", Kinds);
        if (unknown.Count == 0)
        {
            Readers.Report(header.Location.Line, $"step '{header.Id}' has no kind; use one of: {kinds}");
            return;
        }

        foreach (var e in unknown)
        {
            var hint = Suggestions.Closest(e.Name, AllFields) is { } near ? $"; did you mean '{near}'?" : ";";
            Readers.Report(e.Key.Line, $"unknown step kind '{e.Name}'{hint} kinds are: {kinds}");
        }
    }

    private void ReportTargetsOutsideWaitFor(StepHeader header, string kind)
    {
        if (kind == "wait_for")
        {
            return;
        }

        foreach (var field in new[] { "on_event", "on_timeout" })
        {
            if (header.Mapping.Find(field) is { } e)
            {
                Readers.Report(e.Key.Line, $"'{field}' only applies to wait_for steps; step '{header.Id}' is a {kind} step");
            }
        }
    }

    private static string Why(StepDefinition step) => step switch
    {
        ExitStep => "it is an exit",
        SplitStep => "a split always jumps",
        BranchStep => "its last case is an else",
        _ => "it has both on_event and on_timeout",
    };
}
