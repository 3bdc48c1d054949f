using System.Runtime.InteropServices;
using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// The live counters of one workspace: per journey and step, fed with committed trace lines in each person's
/// order. Memory: the counters, plus about 60 bytes per running instance and 24 per (person, journey) ever
/// entered — no person ids except the few kept for "recent people". Pages read it under the same lock the
/// writer takes, for microseconds.
/// </summary>
public sealed class WorkspaceActivity
{
    private readonly object _lock = new();
    private readonly Dictionary<string, JourneyCounters> _journeys = new(StringComparer.Ordinal);
    private readonly Dictionary<InstanceKey, OpenInstance> _open = [];
    private readonly HashSet<InstanceKey> _entered = [];

    /// <summary>Trace lines counted so far.</summary>
    public long Lines { get; private set; }

    public void Apply(string personId, IReadOnlyList<TraceEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var person = PersonHash.Of(personId);
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                if (entry.JourneyId is { } journeyId)
                {
                    Apply(person, personId, Journey(journeyId), entry);
                    Lines++;
                }
            }
        }
    }

    /// <summary>The journey's live report; zeros for a journey nobody entered yet.</summary>
    public JourneySnapshot Snapshot(string journeyId, JourneyDefinition? definition)
    {
        lock (_lock)
        {
            return JourneyReportAssembler.Assemble(journeyId, _journeys.GetValueOrDefault(journeyId), definition);
        }
    }

    /// <summary>The last people who reached a step, newest first.</summary>
    public IReadOnlyList<RecentPerson> RecentAt(string journeyId, string stepId)
    {
        lock (_lock)
        {
            return _journeys.GetValueOrDefault(journeyId)?.FindStep(stepId)?.Recent.NewestFirst() ?? [];
        }
    }

    /// <summary>Running instances now (all journeys).</summary>
    public long OpenInstances
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    private JourneyCounters Journey(string id)
    {
        if (!_journeys.TryGetValue(id, out var journey))
        {
            journey = new JourneyCounters(id, _journeys.Count);
            _journeys[id] = journey;
        }

        return journey;
    }

    private void Apply(ulong person, string personId, JourneyCounters journey, TraceEntry entry)
    {
        var key = new InstanceKey(person, journey.Index);
        var at = entry.At;
        switch (entry.Type)
        {
            case "enter":
                Enter(journey, key, at, TraceDetails.Parse(entry.DetailsJson));
                break;
            case "step" when entry.StepId is { } stepId:
                Step(journey, key, personId, journey.Step(stepId), at, TraceDetails.Parse(entry.DetailsJson));
                break;
            case "send" when entry.StepId is { } stepId:
                var send = TraceDetails.Parse(entry.DetailsJson);
                var step = journey.Step(stepId);
                Increment(step.SendsByChannel, send.Channel ?? "unknown");
                step.Recent.Annotate(personId, "sent " + (send.Channel ?? "?"));
                break;
            case "skip" when entry.StepId is { } stepId:
                var skip = TraceDetails.Parse(entry.DetailsJson);
                Increment(journey.Step(stepId).Skips, skip.Reason ?? "unknown");
                journey.Step(stepId).Recent.Annotate(personId, "skipped: " + (skip.Reason ?? "?"));
                break;
            case "defer" when entry.StepId is { } stepId:
                var defer = TraceDetails.Parse(entry.DetailsJson);
                Increment(journey.Step(stepId).Defers, defer.Reason ?? "unknown");
                journey.Step(stepId).Recent.Annotate(personId, "deferred: " + (defer.Reason ?? "?"));
                break;
            case "goal":
                Goal(journey, key, TraceDetails.Parse(entry.DetailsJson).Value);
                break;
            case "exit":
                Exit(journey, key, TraceDetails.Parse(entry.DetailsJson));
                break;
        }
    }

    private void Enter(JourneyCounters journey, InstanceKey key, Instant at, TraceDetails details)
    {
        if (_open.Remove(key, out var replaced))
        {
            // A second concurrent (keyed) instance: the counters follow the newest one.
            LeaveSlot(journey, replaced);
        }

        journey.Entrants++;
        if (!_entered.Add(key))
        {
            journey.Reentries++;
        }

        journey.HoldoutArms[details.Holdout ? 0 : 1].Entrants++;
        journey.ActiveBeforeFirstStep++;
        _open[key] = new OpenInstance { Step = -1, Holdout = details.Holdout, StepAtTicks = at.ToUnixTimeTicks() };
    }

    private void Step(JourneyCounters journey, InstanceKey key, string personId, StepCounters step, Instant at, TraceDetails details)
    {
        step.Entries++;
        step.Recent.Add(personId, at);
        ref var open = ref CollectionsMarshal.GetValueRefOrNullRef(_open, key);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref open))
        {
            return; // entered before the trace was kept: counted as reached, not followed
        }

        var ticks = at.ToUnixTimeTicks();
        if (open.Step >= 0)
        {
            var previous = journey.Steps[open.Step];
            Increment(previous.Next, step.Index);
            previous.TimeToNext.Add(Math.Max(0, ticks - open.StepAtTicks) / (double)NodaConstants.TicksPerSecond);
            previous.Active--;
        }
        else
        {
            Increment(journey.FromEntry, step.Index);
            journey.ActiveBeforeFirstStep--;
        }

        open.Step = step.Index;
        open.StepAtTicks = ticks;
        step.Active++;
        if (details.Variant is { } variant && journey.Split(step.Id) is { } split)
        {
            var arm = split.ArmIndex(variant);
            if (arm < 255)
            {
                open.Arms = (open.Arms & ~(0xFFUL << (8 * split.Slot))) | ((ulong)(arm + 1) << (8 * split.Slot));
                if (!open.Holdout)
                {
                    split.Arms[arm].Entrants++;
                }
            }
        }
    }

    private void Goal(JourneyCounters journey, InstanceKey key, double value)
    {
        journey.Goals++;
        journey.GoalValue += (decimal)value;
        if (!_open.TryGetValue(key, out var open))
        {
            return;
        }

        journey.HoldoutArms[open.Holdout ? 0 : 1].Convert(value);
        if (open.Holdout)
        {
            return; // the control group is not part of the split experiments
        }

        for (var slot = 0; slot < JourneyCounters.MaxSplits; slot++)
        {
            var arm = (int)((open.Arms >> (8 * slot)) & 0xFF) - 1;
            if (arm >= 0 && journey.FindSplitBySlot(slot) is { } split)
            {
                split.Arms[arm].Convert(value);
            }
        }
    }

    private void Exit(JourneyCounters journey, InstanceKey key, TraceDetails details)
    {
        var outcome = details.OutcomeIndex;
        if (outcome >= 0)
        {
            journey.Outcomes[outcome]++;
        }

        Increment(journey.ExitReasons, details.Reason ?? "unknown");
        if (!_open.Remove(key, out var open))
        {
            return;
        }

        LeaveSlot(journey, open);
        if (open.Step >= 0 && outcome >= 0)
        {
            journey.Steps[open.Step].Ended[outcome]++;
        }
    }

    private static void LeaveSlot(JourneyCounters journey, OpenInstance open)
    {
        if (open.Step >= 0)
        {
            journey.Steps[open.Step].Active--;
        }
        else
        {
            journey.ActiveBeforeFirstStep--;
        }
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        count++;
    }
}
