using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary>A list literal <c>[a, b, …]</c>.</summary>
internal sealed class ListNode(int column, IReadOnlyList<ExpressionNode> items) : ExpressionNode(column)
{
    public IReadOnlyList<ExpressionNode> Items { get; } = items;

    public override StaticType Check(TypeChecker checker)
    {
        foreach (var item in Items)
        {
            checker.Check(item);
        }

        return StaticType.List;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var values = new Value[Items.Count];
        Instant? horizon = null;
        for (var i = 0; i < values.Length; i++)
        {
            var item = Items[i].Evaluate(scope);
            values[i] = item.Value;
            horizon = Horizons.Earliest(horizon, item.Horizon);

            // A list holding a moving value is different at the very next tick.
            if (item.Moves)
            {
                horizon = Horizons.Earliest(horizon, Horizons.NextTick(scope.Now));
            }
        }

        return TimedValue.Fixed(Value.List(values), horizon);
    }
}
