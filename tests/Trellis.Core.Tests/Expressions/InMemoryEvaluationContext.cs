using NodaTime;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>
/// A person's state as plain data, answering exactly as the spec defines the reads: windows are half-open
/// (now − d, now], and only occurrences at or before now exist. <see cref="At"/> moves the clock over the
/// same data, which is how the horizon tests watch a value evolve "with no new input".
/// </summary>
internal sealed class InMemoryEvaluationContext : IEvaluationContext
{
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 4, 10, 12, 0);

    public Instant Now { get; init; } = DefaultNow;

    public Dictionary<string, Value> Traits { get; init; } = new();

    public List<RecordedEvent> History { get; init; } = [];

    public Dictionary<(string Step, string Outcome), bool> Outcomes { get; init; } = new();

    public Dictionary<string, double> Scores { get; init; } = new();

    public Value Event { get; init; }

    public Value JourneyEvent { get; init; }

    public Value JourneyEnteredAt { get; init; }

    public Value JourneyKey { get; init; }

    /// <summary>The same person and data, seen at another instant.</summary>
    public InMemoryEvaluationContext At(Instant now) => new()
    {
        Now = now,
        Traits = Traits,
        History = History,
        Outcomes = Outcomes,
        Scores = Scores,
        Event = Event,
        JourneyEvent = JourneyEvent,
        JourneyEnteredAt = JourneyEnteredAt,
        JourneyKey = JourneyKey,
    };

    public InMemoryEvaluationContext With(string trait, Value value)
    {
        Traits[trait] = value;
        return this;
    }

    public InMemoryEvaluationContext Performed(string name, Instant at, IReadOnlyDictionary<string, Value>? properties = null)
    {
        History.Add(new RecordedEvent(name, at, properties ?? new Dictionary<string, Value>()));
        return this;
    }

    public Value Profile(string trait) => Traits.TryGetValue(trait, out var value) ? value : Value.Null;

    public int Count(string eventName, Duration window) => InWindow(eventName, window).Count();

    public Instant? OldestInWindow(string eventName, Duration window) =>
        InWindow(eventName, window).Select(e => (Instant?)e.At).Min();

    public Instant? LastTime(string eventName) => Latest(eventName)?.At;

    public Value Last(string eventName) =>
        Latest(eventName) is { } e ? Value.Map(e.Properties) : Value.Null;

    public Value StepOutcome(string stepId, string outcome) =>
        Outcomes.TryGetValue((stepId, outcome), out var happened) ? Value.Bool(happened) : Value.Null;

    public Value Score(string model) => Scores.TryGetValue(model, out var score) ? Value.Number(score) : Value.Null;

    private IEnumerable<RecordedEvent> InWindow(string eventName, Duration window) =>
        History.Where(e => e.Name == eventName && e.At > Now - window && e.At <= Now);

    private RecordedEvent? Latest(string eventName) =>
        History.Where(e => e.Name == eventName && e.At <= Now).OrderBy(e => e.At).LastOrDefault();
}
