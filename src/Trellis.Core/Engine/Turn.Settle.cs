using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine;

/// <summary>
/// After every input: the rules that depend on state rather than on one event — segment entries (on the turn
/// from false to true), exit rules and goals without an event, date and schedule moments — and the earliest
/// instant at which time alone may change any of them, so the shell wakes the person exactly then.
/// </summary>
internal sealed partial class Turn
{
    /// <summary>Segment entries can cascade (an update step makes another segment true); this bounds the rounds.</summary>
    private const int MaxSettleRounds = 8;

    private void Settle()
    {
        if (_workspace.HasTimedTriggers)
        {
            ArmTriggers();
        }

        if (!_workspace.HasSegments && !_workspace.HasConditionRules)
        {
            return;
        }

        Instant? horizon = null;
        for (var round = 0; round < MaxSettleRounds; round++)
        {
            horizon = null;
            var changed = false;
            foreach (var journey in _workspace.Journeys)
            {
                changed |= CheckConditionRules(journey, ref horizon);
                changed |= CheckSegment(journey, ref horizon);
            }

            if (!changed)
            {
                break;
            }

            if (_workspace.HasTimedTriggers && _traitsChanged)
            {
                ArmTriggers();
            }
        }

        if (horizon is not null || Person.Extras is not null)
        {
            Person.EnsureExtras().ConditionCheckAt = horizon;
        }
    }

    private bool CheckSegment(CompiledJourney journey, ref Instant? horizon)
    {
        if (journey.Definition.Entry.Trigger is not SegmentTrigger segment)
        {
            return false;
        }

        var values = Person.EnsureExtras().SegmentValues ??= new bool[_workspace.Journeys.Length];
        var now = Evaluate(segment.Condition, null, null, ref horizon).IsTrue;
        var before = values[journey.Index];
        values[journey.Index] = now;
        if (!now || before)
        {
            return false;
        }

        _cause = Now;
        return TryEnter(journey, null);
    }

    private bool CheckConditionRules(CompiledJourney journey, ref Instant? horizon)
    {
        var definition = journey.Definition;
        var goal = definition.Goal is { EventName: null, When: not null } g ? g : null;
        var hasExitRule = false;
        for (var r = 0; r < definition.Exits.Count; r++) // indexed: no boxed enumerator
        {
            var rule = definition.Exits[r];
            hasExitRule |= rule.EventName is null;
        }

        var instances = Person.Instances;
        if ((goal is null && !hasExitRule) || instances.Count == 0)
        {
            return false;
        }

        var changed = false;
        foreach (var instance in instances)
        {
            if (instance.Journey != journey.Index || instance.Ended)
            {
                continue;
            }

            if (goal is not null && WithinGoal(goal, instance) && Evaluate(goal.When!, instance, null, ref horizon).IsTrue)
            {
                Convert(instance, goal, null);
                changed = true;
                continue;
            }

            for (var r = 0; r < definition.Exits.Count; r++) // indexed: no boxed enumerator
            {
                var rule = definition.Exits[r];
                if (rule.EventName is null && Evaluate(rule.When!, instance, null, ref horizon).IsTrue)
                {
                    End(instance, Outcome.Exited, rule.Reason);
                    changed = true;
                    break;
                }
            }
        }

        return changed;
    }

    /// <summary>
    /// Date moments follow the trait (re-read when traits change; a moment already past when it becomes known does
    /// not enter); schedules always have their next occurrence armed.
    /// </summary>
    private void ArmTriggers()
    {
        var extras = Person.EnsureExtras();
        var triggers = extras.TriggerDue ??= new Instant?[_workspace.Journeys.Length];
        var first = !extras.TriggersArmed;
        foreach (var journey in _workspace.Journeys)
        {
            switch (journey.Definition.Entry.Trigger)
            {
                case DateTrigger date when first || _traitsChanged:
                    triggers[journey.Index] = DateMoment(date) is { } at && at > Now ? at : null;
                    break;
                // Re-armed when traits change too: the occurrence follows the person's (possibly new) time zone.
                case ScheduleTrigger schedule when triggers[journey.Index] is null || _traitsChanged:
                    triggers[journey.Index] = schedule.Schedule.NextAfter(Now, ZoneOf());
                    break;
            }
        }

        extras.TriggersArmed = true;
        _traitsChanged = false;
    }
}
