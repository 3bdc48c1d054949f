using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>Entering journeys: eligibility (running instance, re-entry), holdout assignment, and the first steps.</summary>
internal sealed partial class Turn
{
    private bool TryEnter(CompiledJourney journey, EventRecord? e)
    {
        var entry = journey.Definition.Entry;
        string? key = null;
        if (entry.Key is { } keyExpression)
        {
            var k = Evaluate(keyExpression, null, e);
            key = k.IsNull ? null : k.ToString();
        }

        if (IsRunning(journey.Index, key) || !ReentryAllows(journey.Index, key, entry.Reentry))
        {
            return false;
        }

        var instance = new JourneyInstance
        {
            Journey = journey.Index,
            Number = Person.NextInstanceNumber++,
            EnteredAt = Now,
            CauseAt = _cause,
            Key = key,
            EnterEvent = e,
            Holdout = Assignment.InHoldout(journey.Id, Person.Id, journey.Definition.HoldoutPercent),
        };
        Person.AddInstance(instance);
        _effects.Add(Base(EffectType.Enter, instance) with { Holdout = instance.Holdout });
        if (ExitsAtOnce(journey, instance))
        {
            return true;
        }

        Run(instance, Steps.StepResult.GoTo(journey.Definition.Steps.Count > 0 ? 0 : -1));
        return true;
    }

    /// <summary>An exit rule without an event that already holds takes the person out before the first step.</summary>
    private bool ExitsAtOnce(CompiledJourney journey, JourneyInstance instance)
    {
        for (var r = 0; r < journey.Definition.Exits.Count; r++) // indexed: no boxed enumerator
        {
            var rule = journey.Definition.Exits[r];
            if (rule.EventName is null && rule.When is { } when && Evaluate(when, instance, null).IsTrue)
            {
                End(instance, Outcome.Exited, rule.Reason);
                return true;
            }
        }

        return false;
    }

    /// <summary>A person already in the journey (in the instance for this key, when keyed) does not enter again.</summary>
    private bool IsRunning(int journey, string? key)
    {
        foreach (var instance in Person.Instances)
        {
            if (instance.Journey == journey && !instance.Ended && instance.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    private bool ReentryAllows(int journey, string? key, Reentry reentry)
    {
        if (reentry.Mode == ReentryMode.Always || Person.LastEntry(journey, key) is not { } previous)
        {
            return true;
        }

        return reentry.Mode == ReentryMode.After && Now >= previous + reentry.After;
    }

    /// <summary>
    /// Remembers an ended instance's entry time for its journey's re-entry limit (per key when keyed). Written when
    /// the instance ends, not when it starts: while it runs, <see cref="IsRunning"/> already keeps the person out,
    /// and the instance holds the time itself — one allocation fewer for every person in a journey.
    /// </summary>
    private void RememberEntry(JourneyInstance instance)
    {
        if (JourneyOf(instance).Definition.Entry.Reentry.Mode == ReentryMode.Always)
        {
            return;
        }

        Person.RememberEntry(instance.Journey, instance.Key, instance.EnteredAt);
    }

    /// <summary>A date or schedule moment came: enter (schedule: if the audience matches), then arm the next one.</summary>
    private void FireTrigger(CompiledJourney journey)
    {
        var triggers = Person.Extras!.TriggerDue!;
        triggers[journey.Index] = null;
        switch (journey.Definition.Entry.Trigger)
        {
            case DateTrigger:
                TryEnter(journey, null);
                break;
            case ScheduleTrigger schedule:
                if (schedule.Audience is null || Evaluate(schedule.Audience, null, null).IsTrue)
                {
                    TryEnter(journey, null);
                }

                triggers[journey.Index] = schedule.Schedule.NextAfter(Now, ZoneOf());
                break;
        }
    }

    /// <summary>
    /// The moment a date trigger points at: the trait's calendar date (in the person's zone) moved by the offset,
    /// at the local time. Null when the trait is missing or not a date.
    /// </summary>
    private Instant? DateMoment(DateTrigger trigger)
    {
        var zone = ZoneOf();
        var value = Person.Trait(trigger.Trait);
        LocalDate date;
        if (value.Kind == ValueKind.Time)
        {
            date = value.AsTime.InZone(zone).Date;
        }
        else if (value.AsString is { } text && DateText.TryParseDate(text, zone, out var parsed))
        {
            date = parsed;
        }
        else
        {
            return null;
        }

        return LocalTimes.Resolve(date.PlusDays(trigger.OffsetDays) + trigger.At, zone);
    }
}
