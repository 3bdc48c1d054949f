using NodaTime;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Measurement.Reports;

/// <summary>
/// What a goal's <c>when</c> and <c>value</c> can read for a conversion after the person left the journey: the
/// event, the instance's key and entry time, and now. The report keeps no profile or history, so
/// <c>profile.*</c>, <c>count()</c> and friends read as missing here (documented in the README).
/// </summary>
internal sealed class LateGoalContext : IEvaluationContext
{
    public Instant Now { get; set; }

    public Value Event { get; set; }

    public Value JourneyEvent => Value.Null;

    public Value JourneyEnteredAt { get; set; }

    public Value JourneyKey { get; set; }

    public Value Profile(string trait) => Value.Null;

    public int Count(string eventName, Duration window) => 0;

    public Instant? OldestInWindow(string eventName, Duration window) => null;

    public Instant? LastTime(string eventName) => null;

    public Value Last(string eventName) => Value.Null;

    public Value StepOutcome(string stepId, string outcome) => Value.False;

    public Value Score(string model) => Value.Null;
}
