using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>event</c>: the properties of the event being matched (or of the entering event), a map or null.</summary>
internal sealed class EventNode(int column) : ExpressionNode(column)
{
    public override StaticType Check(TypeChecker checker) => StaticType.Map;

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(scope.Context.Event);
}
