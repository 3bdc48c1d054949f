using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;

namespace Trellis.Core.Engine;

/// <summary>A workspace prepared once for the engine: journeys in priority order with their handlers, retention windows.</summary>
public sealed class CompiledWorkspace
{
    public CompiledWorkspace(Workspace workspace, IScoreSource? scores = null)
    {
        Workspace = workspace;
        Scores = scores;
        Journeys = workspace.Journeys.Select((j, i) => new CompiledJourney(j, i)).ToArray();
        var policies = workspace.Policies;
        var longest = Duration.Zero;
        foreach (var cap in policies.FrequencyCaps)
        {
            longest = Duration.Max(longest, cap.Per);
        }

        if (policies.Arbitration is { } a)
        {
            longest = Duration.Max(longest, a.Window);
        }

        SendRetention = longest;
        HasSegments = workspace.Journeys.Any(j => j.Entry.Trigger is SegmentTrigger);
        HasTimedTriggers = workspace.Journeys.Any(j => j.Entry.Trigger is DateTrigger or ScheduleTrigger);
        HasConditionRules = workspace.Journeys.Any(j =>
            j.Exits.Any(e => e.EventName is null) || j.Goal is { EventName: null, When: not null });
    }

    public Workspace Workspace { get; }

    public PolicySet Policies => Workspace.Policies;

    public IScoreSource? Scores { get; }

    internal CompiledJourney[] Journeys { get; }

    /// <summary>How long sends stay relevant: the longest cap or arbitration window.</summary>
    public Duration SendRetention { get; }

    /// <summary>How long event occurrences are kept for count/performed (the latest of each name is always kept).</summary>
    public Duration HistoryRetention { get; init; } = Duration.FromDays(400);

    internal bool HasSegments { get; }

    internal bool HasTimedTriggers { get; }

    internal bool HasConditionRules { get; }

    public int IndexOf(string journeyId) => Array.FindIndex(Journeys, j => j.Id == journeyId);
}
