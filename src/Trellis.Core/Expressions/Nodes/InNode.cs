using NodaTime;
using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>x in y</c>: list membership, substring, or map key.</summary>
internal sealed class InNode(int column, ExpressionNode left, ExpressionNode right) : ExpressionNode(column)
{
    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override StaticType Check(TypeChecker checker)
    {
        var left = checker.Check(Left);
        var right = checker.Check(Right);
        var leftName = StaticTypeNames.WithArticle(left);
        switch (right)
        {
            case StaticType.List or StaticType.Unknown or StaticType.Null:
                break;
            case StaticType.String or StaticType.PlainString when !OperatorTypeRules.IsStringLike(left):
                checker.Report(Column,
                    $"'in' with a string on its right looks for a substring, so its left side must be a string, not {leftName}");
                break;
            case StaticType.Map when !OperatorTypeRules.IsStringLike(left):
                checker.Report(Column,
                    $"'in' with a map on its right looks for a key, so its left side must be a string, not {leftName}");
                break;
            case StaticType.String or StaticType.PlainString or StaticType.Map:
                break;
            default:
                checker.Report(Column,
                    $"'in' needs a list, a string or a map on its right, but gets {StaticTypeNames.WithArticle(right)}");
                break;
        }

        return StaticType.Bool;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var left = Left.Evaluate(scope);
        var horizon = left.Horizon;
        bool found;

        // A list written in place is read item by item, so a moving item keeps its law (x in [now, …]).
        if (Right is ListNode literal)
        {
            found = false;
            foreach (var itemNode in literal.Items)
            {
                found |= Membership.MatchesItem(left, itemNode.Evaluate(scope), scope.Now, ref horizon);
            }

            found &= !left.Value.IsNull;
        }
        else
        {
            var right = Right.Evaluate(scope);
            horizon = Horizons.Earliest(horizon, right.Horizon);
            found = Membership.IsIn(left, right.Value, scope.Now, ref horizon);
        }

        return TimedValue.Fixed(Value.Bool(found), horizon);
    }
}
