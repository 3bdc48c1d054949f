using NodaTime;
using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary>
/// <c>a &amp;&amp; b</c> and <c>a || b</c>. Operands that are not true count as false; the result is always a boolean.
/// </summary>
internal sealed class LogicalNode(int column, bool isAnd, ExpressionNode left, ExpressionNode right) : ExpressionNode(column)
{
    public bool IsAnd { get; } = isAnd;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    private string Symbol => IsAnd ? "&&" : "||";

    public override StaticType Check(TypeChecker checker)
    {
        CheckSide(checker, Left, "left");
        CheckSide(checker, Right, "right");
        return StaticType.Bool;
    }

    private void CheckSide(TypeChecker checker, ExpressionNode side, string which)
    {
        var type = checker.Check(side);
        if (!OperatorTypeRules.IsBoolLike(type))
        {
            checker.Report(Column,
                $"'{Symbol}' needs true/false values, but its {which} side is {StaticTypeNames.WithArticle(type)}");
        }
    }

    /// <summary>
    /// Both sides are always evaluated (the cost is bounded anyway) because the horizon needs both. The
    /// result holds as long as the operands that decide it hold: for a false <c>&amp;&amp;</c>, until the last
    /// of its false operands may turn; for a true one, until the first operand may turn (dually for <c>||</c>).
    /// </summary>
    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var left = Left.Evaluate(scope);
        var right = Right.Evaluate(scope);
        var l = left.Value.IsTrue;
        var r = right.Value.IsTrue;

        // The operands equal to the "dominant" value (false for &&, true for ||) decide the result alone.
        var dominant = !IsAnd;
        var result = IsAnd ? l && r : l || r;
        Instant? horizon = (l == dominant, r == dominant) switch
        {
            (true, true) => Horizons.Latest(left.Horizon, right.Horizon),
            (true, false) => left.Horizon,
            (false, true) => right.Horizon,
            _ => Horizons.Earliest(left.Horizon, right.Horizon),
        };
        return TimedValue.Fixed(Value.Bool(result), horizon);
    }
}
