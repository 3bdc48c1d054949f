using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads and checks one <c>*.journey.yaml</c> file (SPEC §1). Template references are checked later, per workspace.</summary>
internal static class JourneyReader
{
    private static readonly string[] Fields =
    [
        "journey", "name", "description", "owner", "priority", "topic", "transactional",
        "entry", "exit", "goal", "holdout", "steps",
    ];

    public static JourneyFile Read(YamlNode? root, DiagnosticBag diagnostics)
    {
        var readers = new FileReaders(diagnostics);
        if (root is null)
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Report(1, "the file is empty; a journey needs 'journey', 'entry' and 'steps'");
            }

            return new JourneyFile(diagnostics.File, null, [], true);
        }

        if (readers.Nodes.Mapping(root, "a journey file") is not { } map)
        {
            return new JourneyFile(diagnostics.File, null, [], true);
        }

        readers.Nodes.CheckFields(map, "journey", Fields);
        var nodes = readers.Nodes;
        var idNode = nodes.Required(map, "journey", "a journey file");
        var id = idNode is null ? null : nodes.Text(idNode, "journey");
        if (id is not null && !Slug.IsValid(id))
        {
            readers.Report(idNode!.Line, $"journey id '{id}' is not a slug: use {Slug.Rule}");
        }

        var state = new JourneyReadState(readers);
        var entryNode = nodes.Required(map, "entry", "a journey file");
        var entry = entryNode is null ? null : new EntryReader(readers).Read(entryNode);
        var stepsNode = nodes.Required(map, "steps", "a journey file");
        var steps = stepsNode is null ? [] : new StepReader(state).Read(stepsNode);
        new StepGraph(steps, diagnostics).ResolveAndCheck(state.References);

        var definition = new JourneyDefinition
        {
            Id = id ?? "",
            Name = Optional(map, "name", nodes),
            Description = Optional(map, "description", nodes),
            Owner = Optional(map, "owner", nodes),
            Topic = Optional(map, "topic", nodes),
            Priority = map.Get("priority") is { } p ? nodes.WholeNumber(p, "priority", 0, 100) ?? 0 : 0,
            Transactional = map.Get("transactional") is { } t && (nodes.Bool(t, "transactional") ?? false),
            HoldoutPercent = map.Get("holdout") is { } h ? HoldoutReader.Read(h, diagnostics) ?? 0 : 0,
            Entry = entry ?? new EntryDefinition(new EventTrigger("", null), Reentry.Never, null),
            Exits = map.Get("exit") is { } x ? new ExitRuleReader(readers).Read(x) : [],
            Goal = map.Get("goal") is { } g ? new GoalReader(readers).Read(g) : null,
            Steps = steps,
            Location = diagnostics.At(idNode?.Line ?? map.Line),
        };

        // After every expression is read: step("id") may appear in exits and the goal as well as in steps.
        StepCallChecker.Check(readers.Expressions.Parsed, steps, diagnostics);
        return new JourneyFile(diagnostics.File, id is null ? null : definition, state.TemplateUses, diagnostics.Count > 0)
        {
            ModelUses = readers.Expressions.Parsed.SelectMany(p => p.Expression.ReferencedModels.Select(m => (m, p.Node.Line))).ToArray(),
        };
    }

    private static string? Optional(YamlMapping map, string field, NodeReader nodes) =>
        map.Get(field) is { } node && !(node is YamlScalar { IsNull: true }) ? nodes.Text(node, field) : null;
}
