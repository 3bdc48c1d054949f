using NodaTime;
using Trellis.Core.Engine;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;

namespace Trellis.Runtime.Running;

/// <summary>
/// Runs the engine over many people in memory on a virtual clock: inputs are delivered in time order, and each
/// person is woken exactly at the engine's <see cref="JourneyEngine.NextWake"/>. Timers due at an instant run
/// before inputs at that instant (they were caused earlier). Scenarios and simulations both use it, so they
/// exercise the same engine code as the server.
/// </summary>
public sealed class PopulationRunner
{
    private readonly Dictionary<string, PersonSlot> _people = new(StringComparer.Ordinal);
    private readonly List<PersonSlot> _slots = new();
    private readonly TimerQueue _timers;
    private readonly List<Effect> _scratch = new();

    public PopulationRunner(JourneyEngine engine, Instant start)
    {
        Engine = engine;
        Now = start;
        _timers = new TimerQueue(_slots);
    }

    public JourneyEngine Engine { get; }

    public Instant Now { get; private set; }

    public IReadOnlyDictionary<string, PersonSlot> People => _people;

    /// <summary>Receives every effect in the order the engine produced it (time order).</summary>
    public Action<Effect>? OnEffect { get; set; }

    /// <summary>
    /// Called with each person's state after every turn; what it returns replaces the state. Tests use it to
    /// push every state through persistence, as a server does between inputs.
    /// </summary>
    public Func<PersonState, PersonState>? AfterTurn { get; set; }

    public int PendingTimers => _timers.Count;

    /// <summary>
    /// The earliest due time in the timer queue, or null. It may belong to a superseded entry (then advancing to it
    /// runs nothing); a driver that schedules its own inputs uses it to advance in step with the timers.
    /// </summary>
    public Instant? NextTimerDue => _timers.PeekTicks() is { } ticks ? Instant.FromUnixTimeTicks(ticks) : null;

    public PersonState Person(string id) => SlotOf(id).State;

    /// <summary>Delivers an input at <paramref name="at"/> (not before the current time), first running every timer due by then.</summary>
    public void Deliver(string user, EngineInput input, Instant at)
    {
        AdvanceTo(at);
        Handle(SlotOf(user), input, at);
    }

    /// <summary>Runs every timer due at or before <paramref name="t"/>, in due order, and moves the clock there.</summary>
    public void AdvanceTo(Instant t)
    {
        if (t < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(t), $"time goes forward only: {t} is before {Now}");
        }

        var limit = t.ToUnixTimeTicks();
        while (_timers.TryTakeDue(limit, out var slot, out var ticks))
        {
            var due = Instant.FromUnixTimeTicks(ticks);
            Now = due;
            Handle(slot, WakeInput.Instance, due);
        }

        Now = t;
    }

    private PersonSlot SlotOf(string id)
    {
        if (!_people.TryGetValue(id, out var slot))
        {
            slot = new PersonSlot(new PersonState(id)) { Index = _slots.Count };
            _slots.Add(slot);
            _people[id] = slot;
        }

        return slot;
    }

    private void Handle(PersonSlot slot, EngineInput input, Instant at)
    {
        _scratch.Clear();
        Engine.Handle(slot.State, input, at, _scratch);
        if (OnEffect is { } sink)
        {
            foreach (var effect in _scratch)
            {
                sink(effect);
            }
        }

        if (AfterTurn is { } after)
        {
            slot.State = after(slot.State);
        }

        var next = JourneyEngine.NextWake(slot.State);
        if (next != slot.ScheduledWake)
        {
            if (next is { } due)
            {
                _timers.Schedule(slot, due.ToUnixTimeTicks());
            }
            else
            {
                TimerQueue.Cancel(slot);
            }
        }
    }
}
