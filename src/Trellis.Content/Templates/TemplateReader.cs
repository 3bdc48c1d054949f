using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;
using Trellis.Core.Templates;
using Trellis.Templates;

namespace Trellis.Content.Templates;

/// <summary>
/// Reads one <c>*.template.yaml</c>: <c>template: id</c> and a section per channel. Each part is checked by the
/// template checker; its lines (within the part) are mapped back to lines of the file.
/// </summary>
internal static class TemplateReader
{
    public static TemplateDefinition? Read(YamlNode? root, DiagnosticBag diagnostics)
    {
        var nodes = new NodeReader(diagnostics);
        if (root is null)
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Report(1, "the file is empty; a template needs 'template' and a section per channel");
            }

            return null;
        }

        if (nodes.Mapping(root, "a template file") is not { } map)
        {
            return null;
        }

        var idNode = nodes.Required(map, "template", "a template file");
        var id = idNode is null ? null : nodes.Text(idNode, "template");
        if (id is not null && !Slug.IsValid(id))
        {
            diagnostics.Report(idNode!.Line, $"template id '{id}' is not a slug: use {Slug.Rule}");
        }

        var sections = new Dictionary<Channel, IReadOnlyDictionary<string, string>>();
        foreach (var entry in map.Entries.Where(e => e.Name != "template"))
        {
            if (!ChannelNames.TryParse(entry.Name, out var channel))
            {
                diagnostics.Report(entry.Key.Line,
                    $"unknown section '{entry.Name}'" + Suggestions.WithChoices(entry.Name, [.. ChannelNames.All], "sections (one per channel)"));
                continue;
            }

            if (ReadSection(entry, channel, nodes) is { } parts)
            {
                sections.Add(channel, parts);
            }
        }

        if (sections.Count == 0 && map.Entries.All(e => e.Name == "template"))
        {
            diagnostics.Report(map.Line, $"template '{id}' has no channel section; add one of: {string.Join(", ", ChannelNames.All)}");
        }

        return id is null ? null : new TemplateDefinition { Id = id, Sections = sections, Location = diagnostics.At(idNode!.Line) };
    }

    private static Dictionary<string, string>? ReadSection(YamlEntry entry, Channel channel, NodeReader nodes)
    {
        if (nodes.Mapping(entry.Value, $"the {entry.Name} section") is not { } section)
        {
            return null;
        }

        var allowed = TemplateSections.Parts(channel);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in section.Entries)
        {
            if (!allowed.Contains(part.Name))
            {
                nodes.Report(part.Key.Line,
                    $"unknown part '{part.Name}' in the {entry.Name} section" + Suggestions.WithChoices(part.Name, allowed, "parts"));
                continue;
            }

            if (part.Value is not YamlScalar { IsNull: false } text)
            {
                nodes.Report(part.Value.Line, $"{entry.Name}.{part.Name} must be text, not {part.Value.Describe}");
                continue;
            }

            parts.Add(part.Name, text.Value);
            foreach (var issue in TemplateChecker.Check(text.Value))
            {
                nodes.Report(ScalarLines.LineOfValueLine(text, issue.Line), $"{entry.Name}.{part.Name}: {issue.Message}");
            }
        }

        foreach (var required in TemplateSections.Required(channel).Where(r => !section.Has(r)))
        {
            nodes.Report(entry.Key.Line, $"the {entry.Name} section needs '{required}'");
        }

        if (channel == Channel.Email && !section.Has("html") && !section.Has("text"))
        {
            nodes.Report(entry.Key.Line, "the email section needs 'html', 'text' or both");
        }

        return parts;
    }
}
