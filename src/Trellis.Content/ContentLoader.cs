using Trellis.Content.Loading;
using Trellis.Content.Models;
using Trellis.Content.Scenarios;
using Trellis.Core.Templates;

namespace Trellis.Content;

/// <summary>
/// Loads and validates journeys-as-code: journey, template, policies and scenario files, from files, folders
/// (recursively) or memory. Every mistake comes back as a <c>file:line: message</c> diagnostic; nothing is
/// left to fail at run time.
/// </summary>
public static class ContentLoader
{
    public static ContentSet Load(params string[] paths) => Load((IEnumerable<string>)paths);

    /// <summary>Each path is a content file or a folder. Paths in messages stay as given (relative stays relative).</summary>
    public static ContentSet Load(IEnumerable<string> paths) => Load(paths, [], []);

    /// <summary>
    /// Validates files held in memory (e.g. an uploaded journey), resolving template references against
    /// <paramref name="knownTemplates"/> as well as any template among the sources.
    /// </summary>
    public static ContentSet LoadSources(
        IEnumerable<ContentSource> sources,
        IEnumerable<TemplateDefinition>? knownTemplates = null,
        IEnumerable<ModelFile>? knownModels = null)
    {
        var list = sources.ToList();
        return Load(list.Select(s => s.Path), list, knownTemplates ?? [], knownModels ?? []);
    }

    private static ContentSet Load(IEnumerable<string> paths, IReadOnlyList<ContentSource> sources, IEnumerable<TemplateDefinition> knownTemplates) =>
        Load(paths, sources, knownTemplates, []);

    private static ContentSet Load(
        IEnumerable<string> paths,
        IReadOnlyList<ContentSource> sources,
        IEnumerable<TemplateDefinition> knownTemplates,
        IEnumerable<ModelFile> knownModels)
    {
        var session = new LoadSession(sources);
        var selection = new FileSelection();
        var folders = new List<string>();
        foreach (var path in paths)
        {
            var found = PathExpander.Expand(path, session.IsSource);
            if (found is null)
            {
                session.Report(path, 1, "no such file or folder");
                continue;
            }

            if (Directory.Exists(path) && !session.IsSource(path))
            {
                folders.Add(path);
            }

            foreach (var entry in found)
            {
                if (entry.Kind is { } kind)
                {
                    selection.Add(entry.Path, kind);
                }
                else
                {
                    session.Report(entry.Path, 1, $"not a content file: names are {ContentFileKinds.Naming}");
                }
            }
        }

        // Sources held in memory are loaded on their own: no folder on disk may slip templates in.
        var conventionFolders = sources.Count == 0 ? TemplateConvention.Folders(selection.Journeys, folders) : [];
        foreach (var folder in conventionFolders)
        {
            foreach (var entry in PathExpander.Expand(folder, session.IsSource) ?? [])
            {
                if (entry.Kind == ContentFileKind.Template)
                {
                    selection.Add(entry.Path, ContentFileKind.Template);
                }
            }
        }

        // Models follow the same convention (models/ next to journeys/), where trellis train writes them.
        foreach (var folder in sources.Count == 0 ? ModelConvention.Folders(selection.Journeys, folders) : [])
        {
            foreach (var entry in PathExpander.Expand(folder, session.IsSource) ?? [])
            {
                if (entry.Kind == ContentFileKind.Model)
                {
                    selection.Add(entry.Path, ContentFileKind.Model);
                }
            }
        }

        var workspace = new WorkspaceBuilder(session).Build(
            selection.Journeys, selection.Templates, selection.Policies, knownTemplates, selection.Models, knownModels);
        var reader = new ScenarioReader(session);
        var scenarios = selection.Scenarios.Select(reader.Read).OfType<ScenarioDefinition>().ToList();
        return new ContentSet(session.Diagnostics, workspace.Journeys, workspace.Templates, workspace.Policies, scenarios) { Models = workspace.Models };
    }
}
