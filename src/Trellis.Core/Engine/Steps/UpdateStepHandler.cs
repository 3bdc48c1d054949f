using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary><c>update</c>: sets and unsets profile traits; segment and date rules see the change in the same turn.</summary>
internal sealed class UpdateStepHandler : IStepHandler
{
    public StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step)
    {
        var update = (UpdateStep)step;
        foreach (var (trait, expression) in update.Set)
        {
            turn.SetTrait(trait, turn.Evaluate(expression, instance, null));
        }

        foreach (var trait in update.Unset)
        {
            turn.SetTrait(trait, Values.Value.Null);
        }

        return StepResult.GoTo(step.Next);
    }
}
