using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>journey.event</c>: the properties of the event that brought the person into the journey.</summary>
internal sealed class JourneyEventNode(int column) : ExpressionNode(column)
{
    public override StaticType Check(TypeChecker checker) => StaticType.Map;

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(scope.Context.JourneyEvent);
}
