using System.Text.RegularExpressions;
using Trellis.Core.Journeys;
using Trellis.Measurement.Simulation.Behavior;

namespace Trellis.Measurement.Simulation.Planning;

/// <summary>
/// The behaviour model resolved against a workspace: one event table (indices), personas as rate vectors,
/// responses by journey, and warnings for what the journeys need but the model does not give (events are then
/// derived at the model's default rate; traits stay missing).
/// </summary>
public sealed partial class SimulationPlan
{
    private readonly List<EventPlan> _events = [];
    private readonly Dictionary<string, int> _eventIndex = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];

    private SimulationPlan(BehaviorModel model, Workspace workspace)
    {
        Model = model;
        Workspace = workspace;
    }

    public BehaviorModel Model { get; }

    public Workspace Workspace { get; }

    public IReadOnlyList<EventPlan> Events => _events;

    public PersonaPlan[] Personas { get; private set; } = [];

    /// <summary>Cumulative persona shares, for picking a persona.</summary>
    public double[] PersonaCumulative { get; private set; } = [];

    public IReadOnlyDictionary<string, ResponsePlan[]> ResponsesByJourney { get; private set; } = new Dictionary<string, ResponsePlan[]>();

    /// <summary>Whether a journey reads step("…").opened and friends; only then are engagement inputs fed to the engine.</summary>
    public bool FeedsEngagement { get; private set; }

    public IReadOnlyList<string> Warnings => _warnings;

    public static SimulationPlan Build(BehaviorModel model, Workspace workspace)
    {
        var plan = new SimulationPlan(model, workspace);
        plan.BuildEvents();
        plan.BuildPersonas();
        plan.DeriveMissingEvents();
        plan.BuildResponses();
        plan.CheckTraits();
        plan.FeedsEngagement = workspace.Journeys.SelectMany(JourneyExpressions.Of).Any(e => e.ReferencedSteps.Count > 0);
        return plan;
    }

    public int EventIndex(string name)
    {
        if (!_eventIndex.TryGetValue(name, out var i))
        {
            i = _events.Count;
            var model = Model.Events.TryGetValue(name, out var m) ? m : EventModel.Bare(name);
            _events.Add(new EventPlan(i, name, model.Properties));
            _eventIndex[name] = i;
        }

        return i;
    }

    private void BuildEvents()
    {
        foreach (var name in Model.Events.Keys)
        {
            EventIndex(name);
        }

        foreach (var persona in Model.Personas)
        {
            foreach (var rate in persona.Events)
            {
                EventIndex(rate.Event);
            }
        }

        // Follow-ups may name events defined nowhere else; resolving them can grow the table, so loop by index.
        for (var i = 0; i < _events.Count; i++)
        {
            var e = _events[i];
            if (Model.Events.TryGetValue(e.Name, out var m))
            {
                e.FollowUps = m.FollowUps.Select(f => new FollowUpPlan(EventIndex(f.Event), f.Probability, f.Delay, f.Copy)).ToArray();
            }
        }

        foreach (var r in Model.Responses)
        {
            EventIndex(r.Event);
        }
    }

    /// <summary>Persona numbers are kept in a byte per person.</summary>
    public const int MaxPersonas = 255;

    private void BuildPersonas()
    {
        if (Model.Personas.Count > MaxPersonas)
        {
            throw new BehaviorFileException([new BehaviorDiagnostic(Model.Source, 1, $"at most {MaxPersonas} personas")]);
        }

        var personas = new List<PersonaPlan>();
        foreach (var persona in Model.Personas)
        {
            var p = new PersonaPlan(persona, 0);
            personas.Add(p);
        }

        Personas = personas.ToArray();
        var total = Model.Personas.Sum(p => p.Share);
        var cumulative = new double[Personas.Length];
        var sum = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            sum += Model.Personas[i].Share;
            cumulative[i] = sum / total;
        }

        PersonaCumulative = cumulative;
    }

    /// <summary>Builds the rate vectors once the event table is final (derived events are added last).</summary>
    private void FillRates()
    {
        for (var i = 0; i < Personas.Length; i++)
        {
            var model = Personas[i].Model;
            var plan = new PersonaPlan(model, _events.Count);
            foreach (var rate in model.Events)
            {
                var e = EventIndex(rate.Event);
                plan.PerDay[e] += rate.AtTrait is null ? rate.PerDay : 0;
                plan.Dispersion[e] = rate.Dispersion;
                plan.Once[e] = rate.Once;
                if (rate.AtStart > 0)
                {
                    plan.AtStart.Add((e, rate.AtStart));
                }

                if (rate.AtTrait is { } trait)
                {
                    plan.AtTrait.Add((e, trait, rate.AtTraitProbability));
                }
            }

            Personas[i] = plan;
        }
    }

    private void DeriveMissingEvents()
    {
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var persona in Model.Personas)
        {
            produced.UnionWith(persona.Events.Where(r => r.PerDay > 0 || r.AtStart > 0 || r.AtTrait is not null).Select(r => r.Event));
        }

        produced.UnionWith(Model.Events.Values.SelectMany(e => e.FollowUps).Select(f => f.Event));
        produced.UnionWith(Model.Responses.Select(r => r.Event));
        var used = Workspace.Journeys.SelectMany(JourneyExpressions.EventsUsed).Distinct().Order(StringComparer.Ordinal);
        var derived = used.Where(name => !produced.Contains(name)).ToList();
        foreach (var name in derived)
        {
            EventIndex(name);
        }

        FillRates();
        foreach (var name in derived)
        {
            if (Model.DefaultEventRate > 0)
            {
                foreach (var persona in Personas)
                {
                    persona.PerDay[_eventIndex[name]] = Model.DefaultEventRate;
                }

                _warnings.Add($"event '{name}' is used by the journeys but not modelled: everyone performs it at {Model.DefaultEventRate} a day (default_event_rate)");
            }
            else
            {
                _warnings.Add($"event '{name}' is used by the journeys but not modelled, and default_event_rate is 0: it never happens");
            }
        }
    }

    private void BuildResponses()
    {
        var journeys = Workspace.Journeys.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var byJourney = new Dictionary<string, List<ResponsePlan>>(StringComparer.Ordinal);
        foreach (var r in Model.Responses)
        {
            if (!journeys.TryGetValue(r.Journey, out var journey))
            {
                _warnings.Add($"{Model.Source}:{r.Line}: responses for journey '{r.Journey}', which is not in this workspace, are not used");
                continue;
            }

            if (r.Step is { } step && journey.FindStep(step) is not SendStep)
            {
                _warnings.Add($"{Model.Source}:{r.Line}: journey '{r.Journey}' has no send step '{step}'; that response is not used");
                continue;
            }

            (byJourney.TryGetValue(r.Journey, out var list) ? list : byJourney[r.Journey] = [])
                .Add(new ResponsePlan(r.Step, EventIndex(r.Event), r.Probability, r.AfterClick, r.Delay));
        }

        ResponsesByJourney = byJourney.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private void CheckTraits()
    {
        var generated = new HashSet<string>(StringComparer.Ordinal) { "email", "phone", "push_token", "address", "timezone", "consent" };
        generated.UnionWith(Model.Personas.SelectMany(p => p.Traits).Select(t => t.Name));
        generated.UnionWith(Workspace.Journeys.SelectMany(j => j.Steps).OfType<UpdateStep>().SelectMany(u => u.Set).Select(kv => kv.Key));
        var read = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var journey in Workspace.Journeys)
        {
            if (journey.Entry.Trigger is DateTrigger date)
            {
                read.Add(date.Trait);
            }

            foreach (var expression in JourneyExpressions.Of(journey))
            {
                foreach (Match m in ProfileTrait().Matches(expression.Source))
                {
                    read.Add(m.Groups[1].Value);
                }
            }
        }

        foreach (var trait in read.Where(t => !generated.Contains(t)))
        {
            _warnings.Add($"the journeys read profile.{trait}, which no persona generates: it stays missing");
        }
    }

    [GeneratedRegex(@"profile\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ProfileTrait();
}
