using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary>
/// The behaviour of one step kind. Handlers are stateless singletons; everything they change is in the
/// instance or the person, through the <see cref="Turn"/>. They never throw for bad data: an expression that
/// yields nothing usable takes the documented default path.
/// </summary>
internal interface IStepHandler
{
    /// <summary>The person arrives at the step.</summary>
    StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step);

    /// <summary>The instance's wake time at this step has come (wait over, timeout, deferral ended).</summary>
    StepResult Wake(Turn turn, JourneyInstance instance, StepDefinition step) => StepResult.GoTo(step.Next);

    /// <summary>An event arrived while the instance sits at this step; null when the step does not react.</summary>
    StepResult? OnEvent(Turn turn, JourneyInstance instance, StepDefinition step, EventRecord e) => null;
}
