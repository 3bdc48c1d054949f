using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary><c>split</c>: the arm is a pure function of journey, step and person (SPEC §3), recorded on the step's trace line.</summary>
internal sealed class SplitStepHandler : IStepHandler
{
    public StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step)
    {
        var split = (SplitStep)step;
        var journey = turn.JourneyOf(instance);
        var arm = Assignment.PickArm(journey.Id, split.Id, turn.Person.Id, journey.SplitWeights[step.Index]!);
        var variant = split.Variants[arm];
        turn.AnnotateStep(variant.Name);
        return StepResult.GoTo(variant.Goto);
    }
}
