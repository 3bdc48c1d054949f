using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>+ - * /</c> on numbers, times and durations.</summary>
internal sealed class ArithmeticNode(int column, ArithmeticOperator op, ExpressionNode left, ExpressionNode right)
    : ExpressionNode(column)
{
    public ArithmeticOperator Operator { get; } = op;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override StaticType Check(TypeChecker checker)
    {
        var left = checker.Check(Left);
        var right = checker.Check(Right);
        if (OperatorTypeRules.Arithmetic(Operator, left, right) is { } result)
        {
            return result;
        }

        checker.Report(Column,
            $"'{OperatorSymbols.Of(Operator)}' cannot be applied to {StaticTypeNames.Pair(left, right, "and")}; "
            + $"it takes {Accepted()}" + StaticTypeNames.DateHint(left, right));
        return StaticType.Unknown;
    }

    private string Accepted() => Operator switch
    {
        ArithmeticOperator.Add => "numbers, time + duration or duration + duration",
        ArithmeticOperator.Subtract => "numbers, time - duration, time - time or duration - duration",
        ArithmeticOperator.Multiply => "numbers or number * duration",
        _ => "numbers or duration / number",
    };

    public override TimedValue Evaluate(EvaluationScope scope) =>
        Arithmetic.Apply(Operator, Left.Evaluate(scope), Right.Evaluate(scope));
}
