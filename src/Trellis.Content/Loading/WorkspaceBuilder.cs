using Trellis.Content.Journeys;
using Trellis.Content.Models;
using Trellis.Content.Reading;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;
using Trellis.Core.Templates;

namespace Trellis.Content.Loading;

/// <summary>
/// Puts the files of one workspace together and runs the checks that span files: unique journey and template
/// ids, templates that exist and have a section for every channel a send step names, one policies.yaml.
/// </summary>
internal sealed class WorkspaceBuilder(LoadSession session)
{
    public WorkspaceContent Build(
        IReadOnlyList<string> journeyPaths,
        IReadOnlyList<string> templatePaths,
        IReadOnlyList<string> policiesPaths,
        IEnumerable<TemplateDefinition> knownTemplates,
        IReadOnlyList<string>? modelPaths = null,
        IEnumerable<ModelFile>? knownModels = null)
    {
        var hasErrors = false;
        void Report(string file, int line, string message)
        {
            session.Report(file, line, message);
            hasErrors = true;
        }

        var (templates, resolvable) = CollectTemplates(templatePaths, knownTemplates, Report, ref hasErrors);
        var models = CollectModels(modelPaths ?? [], knownModels ?? [], Report, out var brokenModels, ref hasErrors);
        var journeys = new List<JourneyDefinition>();
        var all = new List<JourneyDefinition>();
        var firstById = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var path in journeyPaths)
        {
            var file = session.Journey(path);
            var ok = !file.HasErrors;
            if (file.Definition is { } journey)
            {
                if (firstById.TryGetValue(journey.Id, out var first))
                {
                    Report(file.Path, journey.Location.Line, $"duplicate journey id '{journey.Id}' (also in {first})");
                    ok = false;
                }
                else
                {
                    firstById.Add(journey.Id, journey.Location);
                    all.Add(journey);
                }
            }

            ok &= CheckTemplateUses(file, resolvable, Report);
            ok &= CheckModelUses(file, models, brokenModels, Report);

            // A journey whose template has errors would fail when it sends: leave it out too (the template's
            // own diagnostics say why).
            ok &= file.TemplateUses.All(use => !resolvable.ContainsKey(use.TemplateId) || templates.Any(t => t.Id == use.TemplateId));
            hasErrors |= !ok;
            if (ok && file.Definition is not null)
            {
                journeys.Add(file.Definition);
            }
        }

        var policies = CollectPolicies(policiesPaths, Report, ref hasErrors);
        return new WorkspaceContent(journeys, all, templates, policies, hasErrors) { Models = models.Values.ToList() };
    }

    private (List<TemplateDefinition> Valid, Dictionary<string, TemplateDefinition> Resolvable) CollectTemplates(
        IReadOnlyList<string> paths,
        IEnumerable<TemplateDefinition> known,
        Action<string, int, string> report,
        ref bool hasErrors)
    {
        var valid = new Dictionary<string, TemplateDefinition>(StringComparer.Ordinal);
        foreach (var t in known)
        {
            valid[t.Id] = t;
        }

        // Templates read here replace known ones of the same id (an upload replaces what the server had).
        var resolvable = new Dictionary<string, TemplateDefinition>(valid, StringComparer.Ordinal);
        var firstById = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var file = session.Template(path);
            hasErrors |= file.HasErrors;
            if (file.Definition is not { } template)
            {
                continue;
            }

            if (firstById.TryGetValue(template.Id, out var first))
            {
                report(file.Path, template.Location.Line, $"duplicate template id '{template.Id}' (also in {first})");
                continue;
            }

            firstById.Add(template.Id, template.Location);
            resolvable[template.Id] = template;
            if (file.HasErrors)
            {
                valid.Remove(template.Id);
            }
            else
            {
                valid[template.Id] = template;
            }
        }

        return (valid.Values.ToList(), resolvable);
    }

    private static bool CheckTemplateUses(
        JourneyFile file,
        Dictionary<string, TemplateDefinition> templates,
        Action<string, int, string> report)
    {
        var ok = true;
        foreach (var use in file.TemplateUses)
        {
            if (!templates.TryGetValue(use.TemplateId, out var template))
            {
                report(file.Path, use.TemplateLine, $"no template '{use.TemplateId}'" + Suggestions.DidYouMean(use.TemplateId, templates.Keys));
                ok = false;
                continue;
            }

            foreach (var (channel, line) in use.Channels.Where(c => !template.Supports(c.Channel)))
            {
                report(file.Path, line, $"template '{template.Id}' has no {channel.Name()} section");
                ok = false;
            }
        }

        return ok;
    }

    private SortedDictionary<string, ModelFile> CollectModels(
        IReadOnlyList<string> paths,
        IEnumerable<ModelFile> known,
        Action<string, int, string> report,
        out HashSet<string> broken,
        ref bool hasErrors)
    {
        var models = new SortedDictionary<string, ModelFile>(StringComparer.Ordinal);
        foreach (var m in known)
        {
            models[m.Model.Name] = m;
        }

        var firstByName = new Dictionary<string, string>(StringComparer.Ordinal);
        broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (session.Model(path) is not { } model)
            {
                // Its own diagnostics say what is wrong; journeys scoring with it are left out without a second message.
                hasErrors = true;
                broken.Add(Path.GetFileName(path)[..^ModelFileReader.Extension.Length]);
                continue;
            }

            if (firstByName.TryGetValue(model.Model.Name, out var first))
            {
                report(path, 1, $"duplicate model '{model.Model.Name}' (also in {first})");
                continue;
            }

            firstByName.Add(model.Model.Name, path);
            models[model.Model.Name] = model;
        }

        return models;
    }

    /// <summary>
    /// A journey may only score with a model the workspace has: <c>score("x")</c> without a model x would be null
    /// for everyone, silently. Train first (the events are in the store before any journey reads them).
    /// </summary>
    private static bool CheckModelUses(
        JourneyFile file,
        SortedDictionary<string, ModelFile> models,
        HashSet<string> broken,
        Action<string, int, string> report)
    {
        var ok = true;
        foreach (var (model, line) in file.ModelUses.Distinct())
        {
            if (broken.Contains(model) && !models.ContainsKey(model))
            {
                ok = false;
            }
            else if (!models.ContainsKey(model))
            {
                report(file.Path, line,
                    $"score(\"{model}\"): no model '{model}' (models/{model}.model.json); train it first with trellis train --event EVENT --model {model}"
                    + Suggestions.DidYouMean(model, models.Keys));
                ok = false;
            }
        }

        return ok;
    }

    private PolicySet CollectPolicies(IReadOnlyList<string> paths, Action<string, int, string> report, ref bool hasErrors)
    {
        PolicySet? policies = null;
        string? firstPath = null;
        foreach (var path in paths)
        {
            var file = session.Policies(path);
            hasErrors |= file.HasErrors;
            if (firstPath is not null)
            {
                report(file.Path, 1, $"a workspace has one policies.yaml, and {firstPath} came first");
                continue;
            }

            firstPath = file.Path;
            policies = file.HasErrors ? null : file.Policies;
        }

        return policies ?? PolicySet.Default;
    }
}
