using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Core.Engine.Steps;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;
using Trellis.Core.Values;

namespace Trellis.Core.Engine;

/// <summary>
/// One call of the engine for one person at one instant: handles the input, then settles the time-based
/// rules. Everything here is deterministic in (state, input, now): no clock, no I/O, no randomness
/// beyond the hashing of <see cref="Assignment"/>.
/// </summary>
internal sealed partial class Turn
{
    /// <summary>A defensive bound on steps run in one turn; validation already rejects cycles without a wait.</summary>
    private const int MaxStepsPerRun = 1000;

    private readonly PersonContext _context = new();
    private readonly List<DueItem> _due = [];
    private CompiledWorkspace _workspace = null!;
    private List<Effect> _effects = null!;
    private Instant _cause;
    private bool _traitsChanged;

    /// <summary>Points this (per-thread, reused) turn at a new call; nothing of the previous call survives.</summary>
    public Turn Reset(CompiledWorkspace workspace, PersonState person, Instant now, List<Effect> effects)
    {
        _workspace = workspace;
        _effects = effects;
        Person = person;
        Now = now;
        _cause = now;
        _traitsChanged = false;
        _due.Clear();
        _context.Reset(person, workspace, now);
        Check.Reset(this);
        return this;
    }

    public PersonState Person { get; private set; } = null!;

    public Instant Now { get; private set; }

    /// <summary>The send being decided (reused: one send is decided at a time).</summary>
    internal Decisions.SendCheck Check { get; } = new();

    public PolicySet Policies => _workspace.Policies;

    public CompiledJourney JourneyOf(JourneyInstance instance) => _workspace.Journeys[instance.Journey];

    /// <summary>The person's time zone (trait <c>timezone</c>), or the fallback (the workspace default).</summary>
    public DateTimeZone ZoneOf(DateTimeZone? fallback = null) =>
        TimeZones.Resolve(Person.Trait("timezone").AsString, fallback ?? Policies.DefaultTimeZone);

    public Value Evaluate(Expression expression, JourneyInstance? instance, EventRecord? matched)
    {
        _context.Instance = instance;
        _context.MatchedEvent = matched;
        return expression.Evaluate(_context);
    }

    /// <summary>Evaluates and lowers <paramref name="horizon"/> to the moment the result may change by time alone.</summary>
    public Value Evaluate(Expression expression, JourneyInstance? instance, EventRecord? matched, ref Instant? horizon)
    {
        _context.Instance = instance;
        _context.MatchedEvent = matched;
        var value = expression.Evaluate(_context, out var changesAt);
        if (changesAt is { } t && t > Now && (horizon is null || t < horizon))
        {
            horizon = t;
        }

        return value;
    }

    public void Handle(EngineInput input)
    {
        switch (input)
        {
            case TrackInput track:
                Track(track);
                break;
            case IdentifyInput identify:
                Identify(identify);
                break;
            case WakeInput:
                Wake();
                break;
            case EngagementInput engagement:
                Engage(engagement);
                break;
            case SuppressInput suppress:
                Suppress(suppress);
                break;
            default:
                throw new ArgumentException($"unknown input {input.GetType().Name}", nameof(input));
        }

        Settle();
        Finish();
    }

    // ---- effects and state changes used by step handlers ----

    public void Sleep(JourneyInstance instance, Instant until, WakeReason reason)
    {
        instance.WakeAt = until;
        instance.Reason = reason;
        instance.CauseAt = _cause;
    }

    public void SetTrait(string trait, Value value)
    {
        var traits = Person.Traits ??= new Dictionary<string, Value>(StringComparer.Ordinal);
        if (value.IsNull)
        {
            _traitsChanged |= traits.Remove(trait);
        }
        else if (!traits.TryGetValue(trait, out var old) || old != value)
        {
            traits[trait] = value;
            _traitsChanged = true;
        }
    }

    /// <summary>Adds the split arm to the step line just written for the current step.</summary>
    public void AnnotateStep(string variant) => _effects[^1] = _effects[^1] with { Variant = variant };

    public void End(JourneyInstance instance, Outcome outcome, string reason)
    {
        instance.Ended = true;
        instance.Reason = WakeReason.None;
        RememberEntry(instance);
        _effects.Add(Base(EffectType.Exit, instance) with { Outcome = outcome, Reason = reason });
    }

    public void Skip(JourneyInstance instance, SendStep step, string reason) =>
        _effects.Add(Base(EffectType.Skip, instance, step.Id) with { Reason = reason });

    public void Defer(JourneyInstance instance, SendStep step, string reason, Instant until)
    {
        Sleep(instance, until, WakeReason.Deferred);
        _effects.Add(Base(EffectType.Defer, instance, step.Id) with { Reason = reason, Until = until });
    }

    public void Send(JourneyInstance instance, SendStep step, Channel channel, bool marketing)
    {
        var journey = JourneyOf(instance);
        Person.SendLog = PackedSends.AddPruned(Person.SendLog, new SendRecord(Now, journey.Priority, (short)journey.Index, channel, marketing),
            Now - Duration.Max(_workspace.SendRetention, Duration.FromMilliseconds(1)));
        instance.MarkOutcome(step.Index, journey.Definition.Steps.Count, StepOutcomeFlags.Sent);
        // Built in one initializer rather than Base(...) with {...}: one copy of the (large) struct fewer on the
        // engine's most frequent effect after step lines. The fields of Base come first, in its order.
        _effects.Add(new Effect
        {
            At = Now,
            Type = EffectType.Send,
            User = Person.Id,
            Journey = journey.Id,
            Instance = instance.Number,
            Key = instance.Key,
            Step = step.Id,
            Channel = channel,
            Template = step.TemplateId,
            Marketing = marketing,
            EnterEvent = instance.EnterEvent,
            EnteredAt = instance.EnteredAt,
        });
    }

    private Effect Base(EffectType type, JourneyInstance instance, string? step = null) => new()
    {
        At = Now,
        Type = type,
        User = Person.Id,
        Journey = JourneyOf(instance).Id,
        Instance = instance.Number,
        Key = instance.Key,
        Step = step,
    };

    // ---- running steps ----

    /// <summary>Follows a handler's result until the instance sleeps or ends.</summary>
    private void Run(JourneyInstance instance, StepResult result)
    {
        var journey = JourneyOf(instance);
        var steps = journey.Definition.Steps;
        var guard = 0;
        while (result.Kind == StepResultKind.Continue && !instance.Ended)
        {
            if (result.Next < 0)
            {
                End(instance, Outcome.Completed, "end");
                return;
            }

            if (++guard > MaxStepsPerRun)
            {
                End(instance, Outcome.Exited, "step_limit");
                return;
            }

            var step = steps[result.Next];
            instance.Step = step.Index;
            instance.Reason = WakeReason.None;
            _effects.Add(Base(EffectType.Step, instance, step.Id));
            result = journey.Handlers[step.Index].Enter(this, instance, step);
        }
    }

    private void Finish()
    {
        Person.RemoveEnded();
        Person.SendLog = PackedSends.Prune(Person.SendLog, Now - _workspace.SendRetention);
    }
}
