using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>journey.entered_at</c>: a time (null outside a journey).</summary>
internal sealed class JourneyEnteredAtNode(int column) : ExpressionNode(column)
{
    public override StaticType Check(TypeChecker checker) => StaticType.Time;

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(scope.Context.JourneyEnteredAt);
}
