using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary><c>branch</c>: the first case whose condition is true (the else case has none); no match falls through.</summary>
internal sealed class BranchStepHandler : IStepHandler
{
    public StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step)
    {
        var cases = ((BranchStep)step).Cases;
        for (var i = 0; i < cases.Count; i++) // indexed: no boxed enumerator
        {
            var c = cases[i];
            if (c.When is null || turn.Evaluate(c.When, instance, null).IsTrue)
            {
                return StepResult.GoTo(c.Goto);
            }
        }

        return StepResult.GoTo(step.Next);
    }
}
