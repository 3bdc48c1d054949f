using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Runtime.Scenarios;

/// <summary>What a scenario runs: a workspace, a start, people, timed inputs and how long to run.</summary>
public sealed record ScenarioScript(
    string Name,
    Workspace Workspace,
    Instant Start,
    Duration RunFor,
    IReadOnlyList<ScriptedProfile> Profiles,
    IReadOnlyList<ScriptedInput> Inputs);
