using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>count("event", d)</c>: how many times the person performed the event in (now − d, now].</summary>
internal sealed class CountNode(int column, string eventName, ExpressionNode window)
    : EventWindowNode(column, "count", eventName, window)
{
    public override StaticType Check(TypeChecker checker)
    {
        CheckWindow(checker);
        return StaticType.Number;
    }

    /// <summary>With no new events the count only drops, first when its oldest occurrence leaves the window at oldest + d.</summary>
    public override TimedValue Evaluate(EvaluationScope scope)
    {
        if (EvaluateWindow(scope, out var horizon) is not { } window)
        {
            return TimedValue.Fixed(Value.Null, horizon);
        }

        // An empty or negative window holds nothing, now or later.
        if (window <= NodaTime.Duration.Zero)
        {
            return TimedValue.Fixed(Value.Number(0), horizon);
        }

        var count = scope.Context.Count(EventName, window);
        if (count > 0 && scope.Context.OldestInWindow(EventName, window) is { } oldest)
        {
            var agesOut = Horizons.StrictlyAfter(scope.Now, Horizons.After(oldest, window.BclCompatibleTicks));
            horizon = Horizons.Earliest(horizon, agesOut);
        }

        return TimedValue.Fixed(Value.Number(count), horizon);
    }
}
