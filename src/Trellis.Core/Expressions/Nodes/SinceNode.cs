using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>since(t)</c>: the duration now − t, growing with the clock; null when t is not a time.</summary>
internal sealed class SinceNode(int column, ExpressionNode time) : ExpressionNode(column)
{
    public ExpressionNode Time { get; } = time;

    public override StaticType Check(TypeChecker checker)
    {
        checker.NoteTimeDependence();
        var type = checker.Check(Time);
        if (!OperatorTypeRules.IsTimeLike(type))
        {
            var hint = type == StaticType.PlainString ? StaticTypeNames.DateHint(type, StaticType.Time) : "";
            checker.Report(Time.Column,
                $"since needs a time, such as since(profile.last_seen), not {StaticTypeNames.WithArticle(type)}{hint}");
        }

        return StaticType.Duration;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var time = Time.Evaluate(scope);
        if (!TimeCoercion.TryTime(time.Value, out var instant))
        {
            return TimedValue.Fixed(Value.Null, time.Horizon);
        }

        // now − t moves at 1 − (t's rate): since(now) is constant zero, since(profile.x) grows with the clock.
        var elapsed = (Int128)scope.Now.ToUnixTimeTicks() - instant.ToUnixTimeTicks();
        return TickMath.TryDuration(elapsed, out var duration)
            ? TimedValue.Moving(Value.FromDuration(duration), 1 - time.Rate, time.Drifts, time.Horizon)
            : TimedValue.Fixed(Value.Null, time.Horizon);
    }
}
