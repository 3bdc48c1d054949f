using NodaTime;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.Steps;

/// <summary>
/// <c>wait</c>: an exact span, the next local time of day (person's zone), or a computed moment. A moment
/// already past — or an expression that gives no time — continues at once.
/// </summary>
internal sealed class WaitStepHandler : IStepHandler
{
    public StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step)
    {
        var wait = (WaitStep)step;
        Instant? until = wait.WaitKind switch
        {
            WaitKind.For => turn.Now + wait.Span,
            WaitKind.UntilTimeOfDay => LocalTimes.NextAtOrAfter(turn.Now, turn.ZoneOf(), wait.TimeOfDay),
            _ => turn.Evaluate(wait.Until!, instance, null) is { Kind: ValueKind.Time } v ? v.AsTime : null,
        };

        if (until is not { } t || t <= turn.Now)
        {
            return StepResult.GoTo(step.Next);
        }

        turn.Sleep(instance, t, WakeReason.WaitOver);
        return StepResult.Suspend;
    }
}
