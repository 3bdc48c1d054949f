using System.Runtime.InteropServices;
using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Measurement.Reports;

/// <summary>
/// Builds the journey/step report from the engine's effects as they stream by (one pass, time order). Memory is
/// O(journeys × steps²) for the counters, plus one entry per running instance, one per instance that left inside
/// its goal window, and one per person who entered anything (for re-entries). No allocation per effect.
/// Builders over disjoint sets of people merge exactly (<see cref="Merge"/>).
/// </summary>
public sealed class JourneyReportBuilder
{
    private readonly JourneyTally[] _journeys;
    private readonly Dictionary<string, int> _journeyIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<InstanceKey, OpenInstance> _open = new();
    private readonly Dictionary<string, List<WatchedInstance>> _watched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _goalJourneys = new(StringComparer.Ordinal);
    private readonly EntrantMemory _entrants;

    /// <summary>
    /// A filter over the people with watched instances (bit = user hash mod its size; never cleared), so that most
    /// goal events skip the dictionary lookup: they are the most frequent events in a simulation.
    /// </summary>
    private readonly ulong[] _watchFilter = new ulong[1 << 14];
    private readonly LateGoalContext _lateContext = new();

    /// <param name="expectedPeople">How many people the effects will be about, if known (sizes tables once).</param>
    public JourneyReportBuilder(IEnumerable<JourneyDefinition> journeys, int expectedPeople = 0)
    {
        _entrants = new EntrantMemory(expectedPeople);
        _journeys = journeys.Select((j, i) => new JourneyTally(j, i)).ToArray();
        foreach (var t in _journeys)
        {
            _journeyIndex[t.Definition.Id] = t.Index;
        }

        foreach (var group in _journeys.Where(t => t.Definition.Goal is { EventName: not null, Within: not null })
                     .GroupBy(t => t.Definition.Goal!.EventName!))
        {
            _goalJourneys[group.Key] = group.Select(t => t.Index).ToArray();
        }
    }

    public IReadOnlyList<JourneyTally> Journeys => _journeys;

    /// <summary>Running instances (what the report holds per instance).</summary>
    public int OpenInstances => _open.Count;

    /// <summary>Whether an event is the goal of a journey with a window, so that <see cref="ObserveEvent"/> needs to see it.</summary>
    public bool IsGoalEvent(string eventName) => _goalJourneys.ContainsKey(eventName);

    /// <summary>Takes one effect (a trace line). Effects of journeys the builder does not know are ignored.</summary>
    public void Add(in Effect e)
    {
        var j = JourneyIndexOf(e.Journey);
        if (j < 0)
        {
            return;
        }

        var journey = _journeys[j];
        var key = new InstanceKey(e.User, e.Instance);
        switch (e.Type)
        {
            case EffectType.Enter:
                Enter(journey, key, e);
                break;
            case EffectType.Step:
                Step(journey, key, e);
                break;
            case EffectType.Send when StepOf(journey, e.Step) is { } send && e.Channel is { } channel:
                send.SendsByChannel[(int)channel]++;
                break;
            case EffectType.Skip when StepOf(journey, e.Step) is { } skip:
                skip.Skips.Add(e.Reason);
                break;
            case EffectType.Defer when StepOf(journey, e.Step) is { } defer:
                defer.Defers.Add(e.Reason);
                break;
            case EffectType.Goal:
                Goal(journey, key, e);
                break;
            case EffectType.Exit:
                Exit(journey, key, e);
                break;
        }
    }

    /// <summary>
    /// Shows the report an event the person performed, before it is handed to the engine: it converts instances
    /// that already left but are still inside their goal window (those conversions are not in the trace).
    /// </summary>
    public void ObserveEvent(string user, string eventName, Value properties, Instant at)
    {
        if (!MaybeWatched(user) || !_goalJourneys.TryGetValue(eventName, out var journeys) || !_watched.TryGetValue(user, out var list))
        {
            return;
        }

        var now = at.ToUnixTimeTicks();
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var w = list[i];
            if (w.DeadlineTicks < now)
            {
                list.RemoveAt(i);
                continue;
            }

            if (Array.IndexOf(journeys, w.Journey) < 0)
            {
                continue;
            }

            var journey = _journeys[w.Journey];
            var goal = journey.Definition.Goal!;
            _lateContext.Now = at;
            _lateContext.Event = properties;
            _lateContext.JourneyEnteredAt = Value.Time(Instant.FromUnixTimeTicks(w.EnteredAtTicks));
            _lateContext.JourneyKey = Value.String(w.Key);
            if (goal.When is { } when && !when.Evaluate(_lateContext).IsTrue)
            {
                continue;
            }

            var value = goal.Value is { } v ? RevenueValue.Of(v.Evaluate(_lateContext)) : 0m;
            journey.LateConversions++;
            journey.LateValue += value;
            CreditArms(journey, w.Holdout, w.Arms, value, late: true);
            list.RemoveAt(i);
        }

        if (list.Count == 0)
        {
            _watched.Remove(user);
        }
    }

    /// <summary>Adds a builder that saw other people (disjoint); counts add up exactly.</summary>
    public void Merge(JourneyReportBuilder other)
    {
        for (var i = 0; i < _journeys.Length; i++)
        {
            _journeys[i].Merge(other._journeys[i]);
        }

        foreach (var (key, open) in other._open)
        {
            _open[key] = open;
        }

        for (var i = 0; i < _watchFilter.Length; i++)
        {
            _watchFilter[i] |= other._watchFilter[i];
        }

        foreach (var (user, list) in other._watched)
        {
            if (_watched.TryGetValue(user, out var mine))
            {
                mine.AddRange(list);
            }
            else
            {
                _watched[user] = [.. list];
            }
        }

        _entrants.Merge(other._entrants);
    }

    /// <summary>The report of everything seen so far; instances still running count as active. Does not change the builder.</summary>
    public IReadOnlyList<JourneyReport> Build(double minimumDetectableLift = Statistics.LiftAnalysis.DefaultMinimumDetectableLift)
    {
        var activeByStep = _journeys.Select(t => new long[t.Steps.Length + 1]).ToArray();
        foreach (var open in _open.Values)
        {
            // Slot 0 counts instances that have not reached a step yet.
            activeByStep[open.Journey][open.Step + 1]++;
        }

        var people = _entrants.DistinctPeople(_journeys.Length);
        return _journeys.Select(t => JourneyReportFactory.Create(t, activeByStep[t.Index], people[t.Index], minimumDetectableLift)).ToArray();
    }

    private void Enter(JourneyTally journey, InstanceKey key, in Effect e)
    {
        journey.Entrants++;
        if (!_entrants.First(e.User, journey.Index))
        {
            journey.Reentries++;
        }

        journey.HoldoutArms[e.Holdout ? 0 : 1].Entrants++;
        _open[key] = new OpenInstance
        {
            Journey = journey.Index,
            Step = -1,
            EnteredAtTicks = e.At.ToUnixTimeTicks(),
            StepAtTicks = e.At.ToUnixTimeTicks(),
            Holdout = e.Holdout,
            Key = e.Key,
        };
    }

    private void Step(JourneyTally journey, InstanceKey key, in Effect e)
    {
        if (e.Step is null || !journey.StepIndex.TryGetValue(e.Step, out var s))
        {
            return;
        }

        var step = journey.Steps[s];
        step.Entries++;
        ref var open = ref CollectionsMarshal.GetValueRefOrNullRef(_open, key);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref open))
        {
            return; // the trace began after this instance entered
        }

        var at = e.At.ToUnixTimeTicks();
        if (open.Step >= 0)
        {
            var previous = journey.Steps[open.Step];
            previous.Next[s]++;
            previous.TimeToNext.Add((at - open.StepAtTicks) / (double)NodaConstants.TicksPerSecond);
        }

        open.Step = s;
        open.StepAtTicks = at;
        var slot = journey.SplitSlot[s];
        if (slot >= 0 && e.Variant is { } variant && journey.Definition.Steps[s] is SplitStep split)
        {
            var arm = IndexOfVariant(split, variant);
            if (arm >= 0)
            {
                open.Arms |= (ulong)(arm + 1) << (8 * slot);
                if (!open.Holdout)
                {
                    journey.SplitArms[slot][arm].Entrants++;
                }
            }
        }
    }

    private void Goal(JourneyTally journey, InstanceKey key, in Effect e)
    {
        var value = RevenueValue.Of(e.Value);
        journey.Goals++;
        journey.GoalValue += value;
        if (_open.TryGetValue(key, out var open))
        {
            CreditArms(journey, open.Holdout, open.Arms, value, late: false);
        }
    }

    private void Exit(JourneyTally journey, InstanceKey key, in Effect e)
    {
        journey.Outcomes[(int)e.Outcome]++;
        journey.ExitReasons.Add(e.Reason);
        if (!_open.Remove(key, out var open))
        {
            return;
        }

        if (open.Step >= 0)
        {
            journey.Steps[open.Step].Ended[(int)e.Outcome]++;
        }

        if (e.Outcome != Outcome.Converted && journey.Definition.Goal is { EventName: not null, Within: { } within })
        {
            var deadline = open.EnteredAtTicks + within.BclCompatibleTicks;
            if (deadline >= e.At.ToUnixTimeTicks())
            {
                var bit = FilterBit(e.User);
                _watchFilter[bit >> 6] |= 1UL << (int)(bit & 63);
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_watched, e.User, out _);
                (list ??= []).Add(new WatchedInstance(journey.Index, open.EnteredAtTicks, deadline, open.Holdout, open.Arms, open.Key));
            }
        }
    }

    private static void CreditArms(JourneyTally journey, bool holdout, ulong arms, decimal value, bool late)
    {
        journey.HoldoutArms[holdout ? 0 : 1].Convert(value, late);
        if (holdout)
        {
            return;
        }

        for (var slot = 0; slot < journey.SplitArms.Length; slot++)
        {
            var arm = (int)((arms >> (8 * slot)) & 0xFF) - 1;
            if (arm >= 0)
            {
                journey.SplitArms[slot][arm].Convert(value, late);
            }
        }
    }

    /// <summary>The journey's index; effects carry the definition's own id string, so a reference check usually finds it.</summary>
    private int JourneyIndexOf(string id)
    {
        for (var i = 0; i < _journeys.Length; i++)
        {
            if (ReferenceEquals(_journeys[i].Definition.Id, id))
            {
                return i;
            }
        }

        return _journeyIndex.TryGetValue(id, out var j) ? j : -1;
    }

    private bool MaybeWatched(string user)
    {
        var bit = FilterBit(user);
        return (_watchFilter[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    private uint FilterBit(string user) => (uint)StringComparer.Ordinal.GetHashCode(user) % (uint)(_watchFilter.Length * 64);

    private static StepTally? StepOf(JourneyTally journey, string? step) =>
        step is not null && journey.StepIndex.TryGetValue(step, out var s) ? journey.Steps[s] : null;

    private static int IndexOfVariant(SplitStep split, string name)
    {
        for (var i = 0; i < split.Variants.Count; i++)
        {
            if (split.Variants[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
