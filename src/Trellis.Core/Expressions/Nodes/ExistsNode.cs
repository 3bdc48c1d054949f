using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>exists(x)</c>: whether x has a value (is not null).</summary>
internal sealed class ExistsNode(int column, ExpressionNode operand) : ExpressionNode(column)
{
    public ExpressionNode Operand { get; } = operand;

    public override StaticType Check(TypeChecker checker)
    {
        checker.Check(Operand);
        return StaticType.Bool;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        // A moving value is a time or duration, never null while its law holds.
        var operand = Operand.Evaluate(scope);
        return TimedValue.Fixed(Value.Bool(!operand.Value.IsNull), operand.Horizon);
    }
}
