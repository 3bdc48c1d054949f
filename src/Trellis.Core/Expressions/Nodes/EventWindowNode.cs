using NodaTime;
using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary>
/// What <c>count("event", window)</c> and <c>performed("event", window)</c> share: a literal event name,
/// and a window (now − d, now] given by a duration expression.
/// </summary>
internal abstract class EventWindowNode(int column, string function, string eventName, ExpressionNode window)
    : ExpressionNode(column)
{
    public string Function { get; } = function;

    public string EventName { get; } = eventName;

    public ExpressionNode Window { get; } = window;

    protected void CheckWindow(TypeChecker checker)
    {
        checker.NoteTimeDependence();
        checker.NoteEvent(EventName);
        var window = checker.Check(Window);
        if (window != StaticType.Duration)
        {
            var known = window == StaticType.Unknown
                ? "; for a number of days from data write e.g. profile.window_days * 1d"
                : $", not {StaticTypeNames.WithArticle(window)}";
            checker.Report(Window.Column,
                $"the second argument of {Function} must be a duration such as 7d or 12h{known}");
        }
    }

    /// <summary>
    /// The window at now, or null when it is not a duration. A window that itself moves with the clock
    /// (built from <c>since</c>) has no simple ageing-out instant: such a count is rechecked every minute.
    /// </summary>
    protected Duration? EvaluateWindow(EvaluationScope scope, out Instant? horizon)
    {
        var window = Window.Evaluate(scope);
        horizon = window.Horizon;
        if (window.Moves)
        {
            horizon = Horizons.Earliest(horizon, Horizons.Recheck(scope.Now));
        }

        if (window.Value.Kind != ValueKind.Duration)
        {
            return null;
        }

        // A window reaching past the start of time (a computed duration such as 1d + since(x) can be huge)
        // means "ever": clamp it, so that every context can compute now − window without overflowing.
        var duration = window.Value.AsDuration;
        var toStartOfTime = scope.Now - Instant.MinValue;
        return duration > toStartOfTime ? toStartOfTime : duration;
    }
}
