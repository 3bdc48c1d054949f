using Trellis.Content.Models;
using Trellis.Content.Scenarios;
using Trellis.Core.Scoring;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;
using Trellis.Core.Templates;

namespace Trellis.Content;

/// <summary>
/// What <see cref="ContentLoader"/> read: every problem as a <see cref="Diagnostic"/>, and the definitions that
/// passed every check (a journey with an error is left out, not half-built).
/// </summary>
public sealed class ContentSet
{
    internal ContentSet(
        IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<JourneyDefinition> journeys,
        IReadOnlyList<TemplateDefinition> templates,
        PolicySet policies,
        IReadOnlyList<ScenarioDefinition> scenarios)
    {
        Diagnostics = diagnostics;
        Journeys = journeys;
        Templates = templates;
        Policies = policies;
        Scenarios = scenarios;
    }

    /// <summary>Problems by file and line; print each with ToString() as <c>file:line: message</c>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool IsValid => Diagnostics.Count == 0;

    public IReadOnlyList<JourneyDefinition> Journeys { get; }

    /// <summary>The templates read, including those of a <c>templates/</c> folder found by convention.</summary>
    public IReadOnlyList<TemplateDefinition> Templates { get; }

    /// <summary>The policies.yaml read, or <see cref="PolicySet.Default"/> when there was none.</summary>
    public PolicySet Policies { get; }

    public IReadOnlyList<ScenarioDefinition> Scenarios { get; }

    /// <summary>The valid propensity models (<c>*.model.json</c>, and <c>models/</c> next to the journeys), by name.</summary>
    public IReadOnlyList<ModelFile> Models { get; init; } = [];

    /// <summary>The journeys, templates and policies for the engine. Check <see cref="IsValid"/> first: invalid definitions are not in it.</summary>
    public Workspace ToWorkspace() =>
        new(Journeys, Templates, Policies) { Scores = Models.Count == 0 ? null : new ModelScores(Models.Select(m => m.Model)) };
}
