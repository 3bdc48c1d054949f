using Trellis.Core.Engine.Decisions;
using Trellis.Core.Engine.State;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.Steps;

/// <summary>
/// <c>send</c>: decides by the rules of SPEC §3. A send or a skip moves on at once; a deferral keeps the person
/// here and decides again, from rule 1, when it ends.
/// </summary>
internal sealed class SendStepHandler : IStepHandler
{
    public StepResult Enter(Turn turn, JourneyInstance instance, StepDefinition step) => Decide(turn, instance, (SendStep)step);

    public StepResult Wake(Turn turn, JourneyInstance instance, StepDefinition step) => Decide(turn, instance, (SendStep)step);

    private static StepResult Decide(Turn turn, JourneyInstance instance, SendStep step)
    {
        var check = turn.Check.For(turn.JourneyOf(instance), step, instance);
        var verdict = SendDecider.Decide(check);
        switch (verdict.Kind)
        {
            case VerdictKind.Defer:
                turn.Defer(instance, step, verdict.Reason!, verdict.Until);
                return StepResult.Suspend;
            case VerdictKind.Skip:
                turn.Skip(instance, step, verdict.Reason!);
                return StepResult.GoTo(step.Next);
            default:
                turn.Send(instance, step, check.Channel, check.Marketing);
                return StepResult.GoTo(step.Next);
        }
    }
}
