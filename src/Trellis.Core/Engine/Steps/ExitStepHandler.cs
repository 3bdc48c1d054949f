using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary><c>exit: reason</c>: ends the journey with outcome completed and the given reason.</summary>
internal sealed class ExitStepHandler : IStepHandler
{
    public StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step)
    {
        turn.End(instance, Outcome.Completed, ((ExitStep)step).Reason);
        return StepResult.Ended;
    }
}
