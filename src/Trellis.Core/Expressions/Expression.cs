using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions;

/// <summary>
/// A parsed, type-checked expression. Immutable and thread-safe; evaluation never throws and never
/// allocates more than its (bounded) size requires. STUB: replaced by the real implementation.
/// </summary>
public sealed class Expression
{
    internal Expression(string source) => Source = source;

    public string Source { get; }

    /// <summary>Names used in <c>step("id")</c>, for validation against the journey's send steps.</summary>
    public IReadOnlyList<string> ReferencedSteps { get; init; } = [];

    /// <summary>Names used in <c>score("model")</c>.</summary>
    public IReadOnlyList<string> ReferencedModels { get; init; } = [];

    /// <summary>True when the value can change with time alone (now, since, count, performed).</summary>
    public bool DependsOnTime { get; init; }

    public Value Evaluate(IEvaluationContext context) => Evaluate(context, out _);

    /// <summary>
    /// Evaluates, and tells the earliest instant after now at which the result may change with no new input
    /// (an event ageing out of a window, now crossing a compared time); null when it cannot change by itself.
    /// </summary>
    public Value Evaluate(IEvaluationContext context, out Instant? changesAt)
    {
        changesAt = null;
        return Value.Null;
    }

    public override string ToString() => Source;
}
