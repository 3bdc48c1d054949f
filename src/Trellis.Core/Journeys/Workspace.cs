using Trellis.Core.Policies;
using Trellis.Core.Templates;

namespace Trellis.Core.Journeys;

/// <summary>Everything the engine needs to decide: journeys, templates and policies of one workspace.</summary>
public sealed class Workspace
{
    public Workspace(IEnumerable<JourneyDefinition> journeys, IEnumerable<TemplateDefinition> templates, PolicySet policies)
    {
        // Higher priority first, then id: the order in which journeys see the same input (SPEC §3).
        Journeys = journeys.OrderByDescending(j => j.Priority).ThenBy(j => j.Id, StringComparer.Ordinal).ToArray();
        Templates = templates.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Policies = policies;
    }

    public IReadOnlyList<JourneyDefinition> Journeys { get; }

    public IReadOnlyDictionary<string, TemplateDefinition> Templates { get; }

    public PolicySet Policies { get; }

    /// <summary>The propensity models <c>score("name")</c> reads (models/*.model.json of the content), or none.</summary>
    public Engine.IScoreSource? Scores { get; init; }
}
