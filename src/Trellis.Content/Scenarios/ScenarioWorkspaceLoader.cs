using Trellis.Content.Loading;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Templates;

namespace Trellis.Content.Scenarios;

/// <summary>
/// Loads the workspace a scenario names — <c>journeys</c>, <c>templates</c>, <c>policies</c>: files or folders
/// relative to the scenario file — with the same loader, so their own errors are reported as usual.
/// </summary>
internal sealed class ScenarioWorkspaceLoader(LoadSession session, FileReaders readers)
{
    public WorkspaceContent? Load(YamlMapping map, string scenarioPath)
    {
        var folder = ContentPaths.DirectoryOf(scenarioPath);
        var journeysNode = readers.Nodes.Required(map, "journeys", "a scenario");
        var journeys = journeysNode is null ? null : Files(journeysNode, "journeys", folder, ContentFileKind.Journey);
        var templates = map.Get("templates") is { } t ? Files(t, "templates", folder, ContentFileKind.Template) : [];
        var policies = map.Get("policies") is { } p ? Files(p, "policies", folder, ContentFileKind.Policies) : [];
        if (journeys is null || templates is null || policies is null)
        {
            return null;
        }

        if (!map.Has("templates"))
        {
            templates = [.. TemplateConvention.Folders(journeys, []).SelectMany(f => Expand(f, ContentFileKind.Template) ?? [])];
        }

        // A scenario scores with the models of its journeys' content folder (models/ next to journeys/).
        var models = ModelConvention.Folders(journeys, []).SelectMany(f => Expand(f, ContentFileKind.Model) ?? []).ToList();
        return new WorkspaceBuilder(session).Build(journeys, templates, policies, Array.Empty<TemplateDefinition>(), models);
    }

    /// <summary>The files of one kind under the paths of a field (one path or a list); null when a path is wrong (reported).</summary>
    private List<string>? Files(YamlNode node, string field, string folder, ContentFileKind kind)
    {
        IReadOnlyList<YamlNode> items = node is YamlSequence list ? list.Items : [node];
        if (kind == ContentFileKind.Policies && items.Count > 1)
        {
            readers.Report(node.Line, "'policies' names one policies.yaml (or the folder that holds it)");
            return null;
        }

        var files = new List<string>();
        var ok = true;
        foreach (var item in items)
        {
            if (readers.Nodes.Text(item, field) is not { } written)
            {
                ok = false;
                continue;
            }

            var found = Expand(ContentPaths.Join(folder, written), kind);
            if (found is null)
            {
                readers.Report(item.Line, $"{field}: no file or folder '{written}' (paths are relative to the scenario file)");
                ok = false;
            }
            else if (found.Count == 0)
            {
                readers.Report(item.Line, $"{field}: '{written}' holds no {Pattern(kind)} file");
                ok = false;
            }
            else
            {
                files.AddRange(found);
            }
        }

        return ok ? files : null;
    }

    private List<string>? Expand(string path, ContentFileKind kind) =>
        PathExpander.Expand(path, session.IsSource)?.Where(e => e.Kind == kind).Select(e => e.Path).ToList();

    private static string Pattern(ContentFileKind kind) => kind switch
    {
        ContentFileKind.Journey => "*.journey.yaml",
        ContentFileKind.Template => "*.template.yaml",
        _ => "policies.yaml",
    };
}
