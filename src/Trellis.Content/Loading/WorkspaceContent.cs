using Trellis.Core.Journeys;
using Trellis.Core.Scoring;
using Trellis.Core.Policies;
using Trellis.Core.Templates;

namespace Trellis.Content.Loading;

/// <summary>
/// The result of loading one workspace: the valid definitions, plus every journey that could be read at all
/// (<see cref="AllJourneys"/>) so that scenarios naming a broken journey get no extra, misleading errors.
/// </summary>
internal sealed record WorkspaceContent(
    IReadOnlyList<JourneyDefinition> Journeys,
    IReadOnlyList<JourneyDefinition> AllJourneys,
    IReadOnlyList<TemplateDefinition> Templates,
    PolicySet Policies,
    bool HasErrors)
{
    /// <summary>The valid propensity models, by name.</summary>
    public IReadOnlyList<Models.ModelFile> Models { get; init; } = [];

    public Workspace ToWorkspace() => new(Journeys, Templates, Policies) { Scores = Models.Count == 0 ? null : new ModelScores(Models.Select(m => m.Model)) };
}
