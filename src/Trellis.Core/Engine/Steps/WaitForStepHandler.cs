using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary><c>wait_for</c>: sleeps until the timeout; a matching event (checked after goals and exit rules) moves it on.</summary>
internal sealed class WaitForStepHandler : IStepHandler
{
    public StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step)
    {
        var waitFor = (WaitForStep)step;
        turn.Sleep(instance, turn.Now + waitFor.Timeout, WakeReason.Timeout);
        return StepResult.Suspend;
    }

    public StepResult Wake(Turn turn, JourneyInstance instance, StepDefinition step) =>
        StepResult.GoTo(((WaitForStep)step).OnTimeout);

    public StepResult? OnEvent(Turn turn, JourneyInstance instance, StepDefinition step, EventRecord e)
    {
        var waitFor = (WaitForStep)step;
        if (e.Name != waitFor.EventName)
        {
            return null;
        }

        if (waitFor.When is { } when && !turn.Evaluate(when, instance, e).IsTrue)
        {
            return null;
        }

        return StepResult.GoTo(waitFor.OnEvent);
    }
}
