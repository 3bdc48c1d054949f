using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>performed("event", d)</c>: whether the event happened in (now − d, now].</summary>
internal sealed class PerformedNode(int column, string eventName, ExpressionNode window)
    : EventWindowNode(column, "performed", eventName, window)
{
    public override StaticType Check(TypeChecker checker)
    {
        CheckWindow(checker);
        return StaticType.Bool;
    }

    /// <summary>True turns false when the newest occurrence leaves the window, at last + d; false stays false without new events.</summary>
    public override TimedValue Evaluate(EvaluationScope scope)
    {
        if (EvaluateWindow(scope, out var horizon) is not { } window || window <= NodaTime.Duration.Zero)
        {
            return TimedValue.Fixed(Value.False, horizon);
        }

        var performed = scope.Context.Count(EventName, window) > 0;
        if (performed && scope.Context.LastTime(EventName) is { } last)
        {
            var agesOut = Horizons.StrictlyAfter(scope.Now, Horizons.After(last, window.BclCompatibleTicks));
            horizon = Horizons.Earliest(horizon, agesOut);
        }

        return TimedValue.Fixed(Value.Bool(performed), horizon);
    }
}
