using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

/// <summary>An exit rule: <c>{event: name, when: expr}</c> or <c>{when: expr}</c>. Ends the journey with outcome <c>exited</c>.</summary>
public sealed record ExitRule(string? EventName, Expression? When)
{
    /// <summary>The reason written to the trace: the event name, the condition, or both.</summary>
    public string Reason => (EventName, When) switch
    {
        (not null, null) => EventName,
        (null, not null) => When.Source,
        _ => $"{EventName} when {When!.Source}",
    };
}
