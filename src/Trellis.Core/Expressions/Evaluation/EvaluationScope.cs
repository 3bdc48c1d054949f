using NodaTime;

namespace Trellis.Core.Expressions.Evaluation;

/// <summary>The inputs of one evaluation: the context, and now read once so every node sees the same instant.</summary>
internal sealed class EvaluationScope(IEvaluationContext context)
{
    public IEvaluationContext Context { get; } = context;

    public Instant Now { get; } = context.Now;
}
