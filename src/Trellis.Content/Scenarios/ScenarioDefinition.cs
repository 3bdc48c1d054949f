using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Content.Scenarios;

/// <summary>
/// A journey unit test (SPEC §5): a workspace, people, inputs at offsets from <see cref="Start"/> on a virtual
/// clock, and what must come out. Only valid scenarios are built.
/// </summary>
public sealed class ScenarioDefinition
{
    /// <summary>The <c>scenario:</c> text, a sentence that says what is being tested.</summary>
    public required string Name { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>The journeys, templates and policies named by the scenario, paths relative to its file.</summary>
    public required Workspace Workspace { get; init; }

    public required Instant Start { get; init; }

    /// <summary>How long the virtual clock runs after <see cref="Start"/>.</summary>
    public required Duration RunFor { get; init; }

    public required IReadOnlyList<ScenarioProfile> Profiles { get; init; }

    /// <summary>Events and profile changes in file order (not sorted: the runner orders by offset, stably).</summary>
    public required IReadOnlyList<ScenarioInput> Inputs { get; init; }

    public required ScenarioExpectations Expectations { get; init; }
}
