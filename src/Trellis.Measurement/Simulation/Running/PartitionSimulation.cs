using System.Globalization;
using NodaTime;
using Trellis.Core.Engine;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Core.Values;
using Trellis.Measurement.Reports;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Planning;
using Trellis.Measurement.Simulation.Randomness;
using Trellis.Runtime.Running;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// Simulates one partition of the population (people whose number ≡ partition mod partitions) on its own
/// <see cref="PopulationRunner"/>. Inputs are generated lazily in time order: the queue holds each person's next
/// arrival plus the events and feedback already decided, never the whole future. The runner's timers and the
/// queue advance together, so a message sent by a timer can be answered before later inputs.
/// </summary>
internal sealed class PartitionSimulation : IPendingQueue
{
    private const int SeqBits = 34;
    private const long SeqMask = (1L << SeqBits) - 1;

    private readonly SimulationPlan _plan;
    private readonly ulong _seed;
    private readonly int _partition;
    private readonly int _partitions;
    private readonly Instant _start;
    private readonly Instant _end;
    private readonly PopulationRunner _runner;
    private readonly PendingCalendar _queue;
    private readonly PopulationSampler _sampler;
    private readonly string[] _ids;
    private readonly SimulatedPerson[] _people;
    private readonly float[] _rates;
    private readonly int _events;
    private readonly Dictionary<string, int> _journeyIndex;
    private readonly string[] _journeyIds;
    private readonly bool[] _goalEvents;
    private readonly Action<Effect>? _trace;
    private readonly MessageResponder _responder;
    private long _seq;
    private long _progressSeconds;

    public PartitionSimulation(SimulationPlan plan, JourneyEngine engine, SimulationOptions options, int partition, int partitions)
    {
        _plan = plan;
        _seed = options.Seed;
        _trace = options.Trace;
        _partition = partition;
        _partitions = partitions;
        _start = plan.Model.Start;
        _end = _start + Duration.FromDays(options.Days);
        People = (options.People - partition + partitions - 1) / partitions;
        _events = plan.Events.Count;
        _queue = new PendingCalendar((long)options.Days * 86400 + 1, SeqBits);
        _ids = new string[People];
        _people = new SimulatedPerson[People];
        _rates = new float[(long)People * _events];
        _sampler = new PopulationSampler(plan);
        var journeys = plan.Workspace.Journeys;
        _journeyIndex = journeys.Select((j, i) => (j.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _journeyIds = journeys.Select(j => j.Id).ToArray();
        Report = new JourneyReportBuilder(journeys, People);
        _goalEvents = plan.Events.Select(e => Report.IsGoalEvent(e.Name)).ToArray();
        Tally = new PopulationTally(plan, People, journeys.Count, options.Days / 7) { People = People };
        _runner = new PopulationRunner(engine, _start) { OnEffect = OnEffect };
        _responder = new MessageResponder(plan, Tally, this, _start, _end);
    }

    public int People { get; }

    public JourneyReportBuilder Report { get; }

    public PopulationTally Tally { get; }

    /// <summary>Inputs handed to the engine (events, profiles, feedback), for throughput figures.</summary>
    public long Inputs { get; private set; }

    /// <summary>Virtual seconds simulated so far (read by the progress display from another thread).</summary>
    public long ProgressSeconds => Interlocked.Read(ref _progressSeconds);

    public void Run()
    {
        for (var k = 0; k < People; k++)
        {
            Setup(k);
        }

        var steps = 0;
        while (true)
        {
            Instant? itemAt = _queue.TryPeek(out var item, out var priority) ? _start + Duration.FromSeconds(priority >> SeqBits) : null;
            if (_runner.NextTimerDue is { } due && due <= _end && (itemAt is null || due < itemAt))
            {
                _runner.AdvanceTo(due < _runner.Now ? _runner.Now : due);
                continue;
            }

            if (itemAt is not { } at || at > _end)
            {
                break;
            }

            _queue.Dequeue();
            Process(item, at < _runner.Now ? _runner.Now : at);
            if ((++steps & 0xFFF) == 0)
            {
                Interlocked.Exchange(ref _progressSeconds, (long)(_runner.Now - _start).TotalSeconds);
            }
        }

        _runner.AdvanceTo(_end);
        Interlocked.Exchange(ref _progressSeconds, (long)(_end - _start).TotalSeconds);
        Tally.Finish();
    }

    private void Setup(int k)
    {
        var person = (long)k * _partitions + _partition;
        var id = "u" + person.ToString(CultureInfo.InvariantCulture);
        _ids[k] = id;
        ref var self = ref _people[k];
        self.Rng = new Xoshiro256StarStar(SplitMix64.Derive(_seed, (ulong)person));
        ref var rng = ref self.Rng;
        var traits = _sampler.Sample(ref rng, person, Tally, out var persona);
        self.Persona = persona;
        var plan = _plan.Personas[persona];
        var row = (long)k * _events;
        var total = 0.0;
        for (var e = 0; e < _events; e++)
        {
            var rate = plan.PerDay[e];
            if (rate > 0)
            {
                var personal = (float)(rate * RandomDraws.Heterogeneity(ref rng, plan.Dispersion[e]));
                _rates[row + e] = personal;
                total += personal;
            }
        }

        self.TotalRate = total;
        foreach (var (e, probability) in plan.AtStart)
        {
            if (rng.Chance(probability))
            {
                DeliverEvent(k, e, EventProperties.Generate(_plan, e, ref rng, _start, Value.Null, []), _start);
            }
        }

        // The profile arrives as an identify, exactly as in production (setting traits in place would skip the
        // engine's reaction to changed traits, such as arming date triggers).
        Deliver(k, new IdentifyInput(traits), _start);
        foreach (var (e, trait, probability) in plan.AtTrait)
        {
            var offset = Duration.FromTicks((long)(rng.NextDouble() * NodaConstants.TicksPerDay));
            if (rng.Chance(probability) && traits.TryGetValue(trait, out var value) && DateOf(value) is { } date)
            {
                var at = date + offset;
                if (at >= _start && at <= _end)
                {
                    Schedule(k, PendingKind.Event, new ScheduledEvent(e, EventProperties.Generate(_plan, e, ref rng, _start, Value.Null, [])), at);
                }
            }
        }

        ScheduleArrival(k, _start);
    }

    private void Process(in PendingItem item, Instant at)
    {
        switch (item.Kind)
        {
            case PendingKind.Arrival:
                Arrival(item.Person, at);
                break;
            case PendingKind.Event:
                var scheduled = (ScheduledEvent)item.Payload!;
                DeliverEvent(item.Person, scheduled.Event, scheduled.Properties, at);
                break;
            default:
                Deliver(item.Person, (EngineInput)item.Payload!, at);
                break;
        }
    }

    /// <summary>The person's next Poisson arrival came: draw which event (in proportion to their rates) and go on.</summary>
    private void Arrival(int k, Instant at)
    {
        ref var self = ref _people[k];
        ref var rng = ref self.Rng;
        var row = (long)k * _events;
        var total = self.TotalRate;
        var u = rng.NextDouble() * total;
        var e = 0;
        var sum = 0.0;
        for (; e < _events - 1; e++)
        {
            sum += _rates[row + e];
            if (u < sum)
            {
                break;
            }
        }

        var props = EventProperties.Generate(_plan, e, ref rng, _start, Value.Null, []);
        if (_plan.Personas[self.Persona].Once[e])
        {
            _rates[row + e] = 0;
            self.TotalRate = RowTotal(row);
        }

        DeliverEvent(k, e, props, at);
        ScheduleArrival(k, at);
    }

    private double RowTotal(long row)
    {
        var total = 0.0;
        for (var e = 0; e < _events; e++)
        {
            total += _rates[row + e];
        }

        return total;
    }

    private void ScheduleArrival(int k, Instant from)
    {
        ref var self = ref _people[k];
        var total = self.TotalRate;
        if (total <= 0)
        {
            return;
        }

        var next = from + Duration.FromTicks((long)(RandomDraws.Exponential(ref self.Rng, total) * NodaConstants.TicksPerDay));
        if (next <= _end)
        {
            Schedule(k, PendingKind.Arrival, null, next);
        }
    }

    private void DeliverEvent(int k, int e, Value props, Instant at)
    {
        var plan = _plan.Events[e];
        Tally.Events[e]++;
        if (_goalEvents[e])
        {
            Report.ObserveEvent(_ids[k], plan.Name, props, at);
        }

        Deliver(k, props.AsMap is { Count: > 0 } ? new TrackInput(plan.Name, props) : plan.BareInput, at);
        ref var rng = ref _people[k].Rng;
        foreach (var f in plan.FollowUps)
        {
            if (rng.Chance(f.Probability))
            {
                var when = at + f.Delay.Next(ref rng);
                var followProps = EventProperties.Generate(_plan, f.Event, ref rng, _start, props, f.Copy);
                if (when <= _end)
                {
                    Schedule(k, PendingKind.Event, new ScheduledEvent(f.Event, followProps), when);
                }
            }
        }
    }

    private void Deliver(int k, EngineInput input, Instant at)
    {
        Inputs++;
        _runner.Deliver(_ids[k], input, at);
    }

    public void Schedule(int k, PendingKind kind, object? payload, Instant at)
    {
        // Whole seconds, rounded up so that nothing is queued before the moment that caused it.
        var ticks = (at - _start).BclCompatibleTicks;
        var seconds = (ticks + NodaConstants.TicksPerSecond - 1) / NodaConstants.TicksPerSecond;
        _queue.Enqueue(new PendingItem(k, kind, payload), (seconds << SeqBits) | (_seq++ & SeqMask));
    }

    private void OnEffect(Effect e)
    {
        _trace?.Invoke(e);
        Report.Add(e);
        switch (e.Type)
        {
            case EffectType.Enter:
                Tally.RecordEnter(LocalIndex(e.User), JourneyIndexOf(e.Journey));
                break;
            case EffectType.Exit:
                Tally.RecordExit(LocalIndex(e.User), JourneyIndexOf(e.Journey));
                break;
            case EffectType.Send:
                var k = LocalIndex(e.User);
                _responder.Respond(k, e, ref _people[k].Rng);
                break;
        }
    }

    private int JourneyIndexOf(string id)
    {
        for (var i = 0; i < _journeyIds.Length; i++)
        {
            if (ReferenceEquals(_journeyIds[i], id))
            {
                return i;
            }
        }

        return _journeyIndex[id];
    }

    private int LocalIndex(string user) => (int)(long.Parse(user.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture) / _partitions);

    private static Instant? DateOf(Value value)
    {
        if (value.Kind == ValueKind.Time)
        {
            return value.AsTime;
        }

        return value.AsString is { } text && NodaTime.Text.LocalDatePattern.Iso.Parse(text) is { Success: true } parsed
            ? parsed.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
            : null;
    }
}
