using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>!x</c>: true unless x is true (null and non-booleans count as false).</summary>
internal sealed class NotNode(int column, ExpressionNode operand) : ExpressionNode(column)
{
    public ExpressionNode Operand { get; } = operand;

    public override StaticType Check(TypeChecker checker)
    {
        var operand = checker.Check(Operand);
        if (!OperatorTypeRules.IsBoolLike(operand))
        {
            checker.Report(Column, $"'!' needs a true/false value, but gets {StaticTypeNames.WithArticle(operand)}");
        }

        return StaticType.Bool;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        // A moving operand is a time or duration, so "not true" for as long as its law holds.
        var operand = Operand.Evaluate(scope);
        return TimedValue.Fixed(Value.Bool(!operand.Value.IsTrue), operand.Horizon);
    }
}
