using NodaTime;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Expressions.Nodes;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions;

/// <summary>
/// A parsed, type-checked expression (SPEC §1). Immutable and thread-safe; evaluation never throws, and its
/// cost is bounded by the limits in <see cref="ExpressionLimits"/>. Create one with <see cref="ExpressionParser"/>.
/// </summary>
public sealed class Expression
{
    private readonly ExpressionNode _root;

    /// <summary>An expression with no body: it evaluates to null. Kept for code that only needs the source text.</summary>
    internal Expression(string source)
        : this(source, new LiteralNode(1, Value.Null))
    {
    }

    internal Expression(string source, ExpressionNode root)
    {
        Source = source;
        _root = root;
    }

    public string Source { get; }

    /// <summary>Names used in <c>step("id")</c>, for validation against the journey's send steps.</summary>
    public IReadOnlyList<string> ReferencedSteps { get; init; } = [];

    /// <summary>Names used in <c>score("model")</c>.</summary>
    public IReadOnlyList<string> ReferencedModels { get; init; } = [];

    /// <summary>Events read from history by <c>count</c>, <c>performed</c> and <c>last</c>.</summary>
    public IReadOnlyList<string> ReferencedEvents { get; init; } = [];

    /// <summary>True when the value can change with time alone (now, since, count, performed).</summary>
    public bool DependsOnTime { get; init; }

    /// <summary>
    /// The kind of value the expression gives when it is known before run time (e.g. <see cref="ValueKind.Time"/>
    /// for <c>journey.entered_at + 10d</c>, <see cref="ValueKind.Bool"/> for a comparison); null when it depends on
    /// data (a bare <c>profile.x</c>). Whatever the kind, the value may also be null at run time.
    /// </summary>
    public ValueKind? ResultKind { get; init; }

    public Value Evaluate(IEvaluationContext context) => Evaluate(context, out _);

    /// <summary>
    /// Evaluates, and tells the earliest instant after now at which the result may change with no new input
    /// (an event ageing out of a window, now crossing a compared time); null when it cannot change by itself.
    /// A result that itself moves with the clock (<c>now</c>, <c>since(t)</c>) changes at the very next tick.
    /// </summary>
    public Value Evaluate(IEvaluationContext context, out Instant? changesAt)
    {
        var scope = new EvaluationScope(context);
        var result = _root.Evaluate(scope);
        changesAt = result.Moves ? Horizons.Earliest(result.Horizon, Horizons.NextTick(scope.Now)) : result.Horizon;
        return result.Value;
    }

    public override string ToString() => Source;
}
