using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Engine.State;
using Trellis.Core.Policies;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>A workspace prepared once for the engine: journeys in priority order with their handlers, retention windows.</summary>
public sealed class CompiledWorkspace
{
    public CompiledWorkspace(Workspace workspace, IScoreSource? scores = null)
    {
        Workspace = workspace;
        Scores = scores ?? workspace.Scores;
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
        // Events that can enter or move a journey get one shared property-less record each.
        _emptyEvents = workspace.Journeys.SelectMany(EventNames).Distinct()
            .ToDictionary(n => n, n => new EventRecord(n, EventRecord.EmptyProperties), StringComparer.Ordinal);
        _historyEvents = HistoryEvents.Of(workspace);
        _historyEvents.UnionWith(Scores?.EventsRead ?? []);
        HasConditionRules = workspace.Journeys.Any(j =>
            j.Exits.Any(e => e.EventName is null) || j.Goal is { EventName: null, When: not null });
    }

    private readonly Dictionary<string, EventRecord> _emptyEvents;

    /// <summary>Event names that expressions read from history.</summary>
    private readonly HashSet<string> _historyEvents;

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

    /// <summary>Whether occurrences of this event must be kept for expressions (count, performed, last).</summary>
    public bool KeepsHistoryOf(string eventName) => _historyEvents.Contains(eventName);

    /// <summary>The event as expressions see it; events without properties share one record per name.</summary>
    internal EventRecord EventFor(string name, Value properties)
    {
        if (properties.AsMap is { Count: > 0 })
        {
            return new EventRecord(name, properties);
        }

        return _emptyEvents.TryGetValue(name, out var shared) ? shared : new EventRecord(name, properties);
    }

    public int IndexOf(string journeyId) => Array.FindIndex(Journeys, j => j.Id == journeyId);

    private static IEnumerable<string> EventNames(JourneyDefinition j)
    {
        if (j.Entry.Trigger is EventTrigger e)
        {
            yield return e.EventName;
        }

        foreach (var x in j.Exits)
        {
            if (x.EventName is { } name)
            {
                yield return name;
            }
        }

        if (j.Goal?.EventName is { } goal)
        {
            yield return goal;
        }

        foreach (var s in j.Steps)
        {
            if (s is WaitForStep w)
            {
                yield return w.EventName;
            }
        }
    }
}
