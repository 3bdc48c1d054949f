using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>journey.key</c>: the instance key, of whatever type the key expression gave.</summary>
internal sealed class JourneyKeyNode(int column) : ExpressionNode(column)
{
    public override StaticType Check(TypeChecker checker) => StaticType.Unknown;

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(scope.Context.JourneyKey);
}
