using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>now</c>: the decision time, moving one tick per tick.</summary>
internal sealed class NowNode(int column) : ExpressionNode(column)
{
    public override StaticType Check(TypeChecker checker)
    {
        checker.NoteTimeDependence();
        return StaticType.Time;
    }

    public override TimedValue Evaluate(EvaluationScope scope) =>
        TimedValue.Moving(Value.Time(scope.Now), rate: 1, drifts: false, horizon: null);
}
