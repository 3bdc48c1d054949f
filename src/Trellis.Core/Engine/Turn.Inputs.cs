using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>How each kind of input moves the person's journeys.</summary>
internal sealed partial class Turn
{
    /// <summary>
    /// An event: journeys in priority order; for each, its running instances first (goal, then exit rules, then a
    /// waiting wait_for), then its entry trigger — so the entering event never counts against the new instance.
    /// </summary>
    private void Track(TrackInput input)
    {
        var e = _workspace.EventFor(input.Name, input.Properties);
        if (_workspace.KeepsHistoryOf(input.Name))
        {
            (Person.History ??= new EventHistory()).Add(e.Name, Now, e.Properties).Prune(Now - _workspace.HistoryRetention);
        }

        _cause = Now;

        foreach (var journey in _workspace.Journeys)
        {
            // A snapshot: instances entered by this very event are not matched against it.
            foreach (var instance in Person.Instances)
            {
                if (instance.Journey == journey.Index && !instance.Ended)
                {
                    OnEvent(journey, instance, e);
                }
            }

            if (journey.Definition.Entry.Trigger is EventTrigger trigger && trigger.EventName == e.Name &&
                (trigger.When is null || Evaluate(trigger.When, null, e).IsTrue))
            {
                TryEnter(journey, e);
            }
        }
    }

    private void OnEvent(CompiledJourney journey, JourneyInstance instance, EventRecord e)
    {
        var definition = journey.Definition;
        if (definition.Goal is { EventName: not null } goal && goal.EventName == e.Name && WithinGoal(goal, instance) &&
            (goal.When is null || Evaluate(goal.When, instance, e).IsTrue))
        {
            Convert(instance, goal, e);
            return;
        }

        for (var r = 0; r < definition.Exits.Count; r++) // indexed: no boxed enumerator
        {
            var rule = definition.Exits[r];
            if (rule.EventName == e.Name && (rule.When is null || Evaluate(rule.When, instance, e).IsTrue))
            {
                End(instance, Outcome.Exited, rule.Reason);
                return;
            }
        }

        if (instance.Reason != WakeReason.None)
        {
            var step = definition.Steps[instance.Step];
            if (journey.Handlers[step.Index].OnEvent(this, instance, step, e) is { } result)
            {
                instance.Reason = WakeReason.None;
                Run(instance, result);
            }
        }
    }

    private bool WithinGoal(GoalDefinition goal, JourneyInstance instance) =>
        goal.Within is not { } within || Now - instance.EnteredAt <= within;

    private void Convert(JourneyInstance instance, GoalDefinition goal, EventRecord? e)
    {
        var value = goal.Value is { } v ? Evaluate(v, instance, e) : Value.Null;
        _effects.Add(Base(EffectType.Goal, instance) with { Value = value });
        End(instance, Outcome.Converted, "goal");
    }

    /// <summary>Traits merge; a null removes one; the consent map merges key by key.</summary>
    private void Identify(IdentifyInput input)
    {
        // A first profile arrives with all its traits at once: size the map for them instead of regrowing it.
        Person.Traits ??= new Dictionary<string, Value>(input.Traits.Count, StringComparer.Ordinal);
        foreach (var (name, value) in input.Traits)
        {
            if (name == "consent" && value.Kind == ValueKind.Map)
            {
                var merged = new Dictionary<string, Value>(StringComparer.Ordinal);
                if (Person.Trait("consent").AsMap is { } old)
                {
                    foreach (var (k, v) in old)
                    {
                        merged[k] = v;
                    }
                }

                foreach (var (k, v) in value.AsMap!)
                {
                    merged[k] = v;
                }

                SetTrait(name, Value.Map(merged));
            }
            else
            {
                SetTrait(name, value);
            }
        }
    }

    /// <summary>Everything due at or before now, one at a time in the order of <see cref="DueItem"/>.</summary>
    private void Wake()
    {
        var due = _due;
        due.Clear();
        foreach (var instance in Person.Instances)
        {
            if (instance.Reason != WakeReason.None && instance.WakeAt <= Now && !instance.Ended)
            {
                due.Add(new DueItem(instance.WakeAt, instance.CauseAt, JourneyOf(instance).Priority, instance.Number, instance, instance.Journey));
            }
        }

        if (Person.Extras?.TriggerDue is { } triggers)
        {
            for (var j = 0; j < triggers.Length; j++)
            {
                if (triggers[j] is { } at && at <= Now)
                {
                    due.Add(new DueItem(at, at, _workspace.Journeys[j].Priority, int.MaxValue, null, j));
                }
            }
        }

        due.Sort();
        foreach (var item in due)
        {
            if (item.Instance is { } instance)
            {
                if (instance.Ended || instance.Reason == WakeReason.None || instance.WakeAt > Now)
                {
                    continue;
                }

                _cause = instance.CauseAt;
                var journey = JourneyOf(instance);
                var step = journey.Definition.Steps[instance.Step];
                instance.Reason = WakeReason.None;
                Run(instance, journey.Handlers[step.Index].Wake(this, instance, step));
            }
            else
            {
                _cause = item.At;
                FireTrigger(_workspace.Journeys[item.Journey]);
            }
        }

        _cause = Now;
    }

    private void Engage(EngagementInput input)
    {
        var flag = input.Kind switch
        {
            EngagementKind.Delivered => StepOutcomeFlags.Delivered,
            EngagementKind.Opened => StepOutcomeFlags.Opened,
            _ => StepOutcomeFlags.Clicked | StepOutcomeFlags.Opened,
        };
        foreach (var instance in Person.Instances)
        {
            var journey = JourneyOf(instance);
            if (instance.Number == input.InstanceNumber && journey.Id == input.Journey &&
                journey.StepIndex.TryGetValue(input.Step, out var step))
            {
                instance.MarkOutcome(step, journey.Definition.Steps.Count, flag);
            }
        }
    }

    private void Suppress(SuppressInput input)
    {
        var key = PersonState.SuppressionKey(input.Channel, input.Address);
        if (input.Suppressed)
        {
            (Person.EnsureExtras().Suppressed ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
        }
        else
        {
            Person.Extras?.Suppressed?.Remove(key);
        }
    }
}
