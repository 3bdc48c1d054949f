using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>step("id").sent|opened|clicked|delivered</c>: the outcome of an earlier send step, always a boolean.</summary>
internal sealed class StepOutcomeNode(int column, string stepId, string outcome) : ExpressionNode(column)
{
    /// <summary>The outcomes a send step records, in the order error messages list them.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["sent", "opened", "clicked", "delivered"];

    public string StepId { get; } = stepId;

    public string Outcome { get; } = outcome;

    public override StaticType Check(TypeChecker checker)
    {
        checker.NoteStep(StepId);
        return StaticType.Bool;
    }

    public override TimedValue Evaluate(EvaluationScope scope) =>
        TimedValue.Fixed(Value.Bool(scope.Context.StepOutcome(StepId, Outcome).IsTrue));
}
