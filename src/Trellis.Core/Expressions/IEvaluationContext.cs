using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions;

/// <summary>
/// What an expression can read. The engine implements it over a person's state; tests over plain data.
/// Every member is a pure read: no clock, no I/O. Missing data is <see cref="Value.Null"/>.
/// </summary>
public interface IEvaluationContext
{
    /// <summary>The virtual "now" of the decision (<c>now</c> in expressions).</summary>
    Instant Now { get; }

    /// <summary><c>profile.&lt;trait&gt;</c>: a top-level trait; nested members are read from map values.</summary>
    Value Profile(string trait);

    /// <summary><c>event</c>: the event being matched (entry, exit, wait_for, goal), else the entering event. A map, or null.</summary>
    Value Event { get; }

    /// <summary><c>journey.event</c>: the event that brought the person into the journey. A map, or null.</summary>
    Value JourneyEvent { get; }

    /// <summary><c>journey.entered_at</c>: a time, or null outside a journey.</summary>
    Value JourneyEnteredAt { get; }

    /// <summary><c>journey.key</c>: the instance key, or null.</summary>
    Value JourneyKey { get; }

    /// <summary>How many times the person performed <paramref name="eventName"/> in (now − window, now].</summary>
    int Count(string eventName, Duration window);

    /// <summary>The earliest occurrence in (now − window, now], or null: when it ages out, the count changes.</summary>
    Instant? OldestInWindow(string eventName, Duration window);

    /// <summary>The time of the most recent occurrence at or before now, or null.</summary>
    Instant? LastTime(string eventName);

    /// <summary><c>last("event")</c>: the properties (a map) of the most recent occurrence at or before now, or null.</summary>
    Value Last(string eventName);

    /// <summary><c>step("id").sent|opened|clicked|delivered</c> in the current journey instance: a bool.</summary>
    Value StepOutcome(string stepId, string outcome);

    /// <summary><c>score("model")</c>: a propensity in [0, 1], or null when the model or the person's score is unknown.</summary>
    Value Score(string model);
}
