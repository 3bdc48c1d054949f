using NodaTime;
using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

/// <summary>
/// <c>wait_for: {event, when, timeout}</c> with <c>on_event</c> / <c>on_timeout</c>; either target may be
/// omitted, and then the person goes on to the following step.
/// </summary>
public sealed class WaitForStep(
    string id,
    SourceLocation location,
    string eventName,
    Expression? when,
    Duration timeout,
    string? onEventId,
    string? onTimeoutId) : StepDefinition(id, location)
{
    public string EventName { get; } = eventName;

    public Expression? When { get; } = when;

    public Duration Timeout { get; } = timeout;

    public string? OnEventId { get; } = onEventId;

    public string? OnTimeoutId { get; } = onTimeoutId;

    /// <summary>Index of the step after the event; equals <see cref="StepDefinition.Next"/> when not given.</summary>
    public int OnEvent { get; private set; } = -1;

    public int OnTimeout { get; private set; } = -1;

    public override string Kind => "wait_for";

    public override bool Waits => true;

    public override bool FallsThrough => OnEventId is null || OnTimeoutId is null;

    public override IEnumerable<string> Targets => new[] { OnEventId, OnTimeoutId }.OfType<string>();

    public override IEnumerable<string> Resolve(IReadOnlyDictionary<string, int> indexById)
    {
        var missing = new List<string>();
        var e = Lookup(indexById, OnEventId, missing);
        var t = Lookup(indexById, OnTimeoutId, missing);
        OnEvent = e == -2 ? Next : e;
        OnTimeout = t == -2 ? Next : t;
        return missing;
    }
}
