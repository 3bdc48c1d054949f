using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>== != &lt; &lt;= &gt; &gt;=</c>.</summary>
internal sealed class ComparisonNode(int column, ComparisonOperator op, ExpressionNode left, ExpressionNode right)
    : ExpressionNode(column)
{
    public ComparisonOperator Operator { get; } = op;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    private bool IsEquality => Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual;

    public override StaticType Check(TypeChecker checker)
    {
        var left = checker.Check(Left);
        var right = checker.Check(Right);
        var symbol = OperatorSymbols.Of(Operator);
        var a = StaticTypeNames.WithArticle(left);
        var b = StaticTypeNames.WithArticle(right);
        if (IsEquality && !OperatorTypeRules.CanBeEqual(left, right))
        {
            checker.Report(Column,
                $"'{symbol}' compares {a} with {b}, which can never be equal; compare values of the same type"
                + StaticTypeNames.DateHint(left, right));
        }
        else if (!IsEquality && !OperatorTypeRules.CanOrder(left, right))
        {
            checker.Report(Column,
                $"'{symbol}' cannot order {StaticTypeNames.Pair(left, right, "with")}; it orders two numbers, strings, times or durations"
                + StaticTypeNames.DateHint(left, right));
        }

        return StaticType.Bool;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var left = Left.Evaluate(scope);
        var right = Right.Evaluate(scope);
        var result = Operator switch
        {
            ComparisonOperator.Equal => ValueEquality.AreEqual(left.Value, right.Value),
            ComparisonOperator.NotEqual => !ValueEquality.AreEqual(left.Value, right.Value),
            _ => Ordering.Holds(Operator, left.Value, right.Value),
        };
        var horizon = Horizons.Earliest(left.Horizon, right.Horizon);
        horizon = Horizons.Earliest(horizon, Crossings.FirstFlip(Operator, left, right, scope.Now));
        return TimedValue.Fixed(Value.Bool(result), horizon);
    }
}
