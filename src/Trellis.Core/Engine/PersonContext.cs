using NodaTime;
using Trellis.Core.Engine.State;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>
/// The expression context over one person's state at one moment, optionally inside a journey instance and
/// with an event being matched. One is reused for a whole input; the engine re-points it as it goes.
/// </summary>
internal sealed class PersonContext : IEvaluationContext
{
    private CompiledWorkspace _workspace = null!;

    public PersonState Person { get; private set; } = null!;

    public Instant Now { get; private set; }

    public void Reset(PersonState person, CompiledWorkspace workspace, Instant now)
    {
        Person = person;
        _workspace = workspace;
        Now = now;
        Instance = null;
        MatchedEvent = null;
    }

    /// <summary>The instance whose journey is being evaluated, or null (segment and entry conditions).</summary>
    public JourneyInstance? Instance { get; set; }

    /// <summary>The event being matched (entry, exit, wait_for, goal); when null, the instance's entering event.</summary>
    public EventRecord? MatchedEvent { get; set; }

    public Value Profile(string trait) => Person.Trait(trait);

    public Value Event => (MatchedEvent ?? Instance?.EnterEvent)?.Properties ?? Value.Null;

    public Value JourneyEvent => Instance?.EnterEvent?.Properties ?? Value.Null;

    public Value JourneyEnteredAt => Instance is { } i ? Value.Time(i.EnteredAt) : Value.Null;

    public Value JourneyKey => Value.String(Instance?.Key);

    public int Count(string eventName, Duration window) =>
        Person.History?.Find(eventName)?.CountIn(Now - window, Now) ?? 0;

    public Instant? OldestInWindow(string eventName, Duration window) =>
        Person.History?.Find(eventName)?.OldestIn(Now - window, Now);

    public Instant? LastTime(string eventName) => Person.History?.Find(eventName)?.LastAtOrBefore(Now);

    public Value Last(string eventName) =>
        Person.History?.Find(eventName) is { Count: > 0 } s ? s.LastProperties : Value.Null;

    public Value StepOutcome(string stepId, string outcome)
    {
        if (Instance is null)
        {
            return Value.False;
        }

        var journey = _workspace.Journeys[Instance.Journey];
        if (!journey.StepIndex.TryGetValue(stepId, out var index))
        {
            return Value.False;
        }

        var flags = Instance.OutcomeOf(index);
        var wanted = outcome switch
        {
            "sent" => StepOutcomeFlags.Sent,
            "delivered" => StepOutcomeFlags.Delivered,
            "opened" => StepOutcomeFlags.Opened,
            "clicked" => StepOutcomeFlags.Clicked,
            _ => StepOutcomeFlags.None,
        };
        return Value.Bool(wanted != StepOutcomeFlags.None && (flags & wanted) != 0);
    }

    public Value Score(string model) => _workspace.Scores?.Score(model, Person, Now) ?? Value.Null;
}
