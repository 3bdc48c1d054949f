using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>-x</c> on a number or a duration.</summary>
internal sealed class NegateNode(int column, ExpressionNode operand) : ExpressionNode(column)
{
    public ExpressionNode Operand { get; } = operand;

    public override StaticType Check(TypeChecker checker)
    {
        var operand = checker.Check(Operand);
        if (OperatorTypeRules.Negate(operand) is { } result)
        {
            return result;
        }

        checker.Report(Column, $"'-' negates numbers and durations, not {StaticTypeNames.WithArticle(operand)}");
        return StaticType.Unknown;
    }

    public override TimedValue Evaluate(EvaluationScope scope) => Arithmetic.Negate(Operand.Evaluate(scope));
}
