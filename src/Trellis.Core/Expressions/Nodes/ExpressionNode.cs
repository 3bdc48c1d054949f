using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary>
/// A node of the syntax tree. Each kind knows its own typing rule and its own evaluation, so a language
/// feature lives in one small file. Nodes are immutable: one parsed expression serves any number of threads.
/// </summary>
internal abstract class ExpressionNode(int column)
{
    /// <summary>1-based column in the source where this node starts; errors about it point here.</summary>
    public int Column { get; } = column;

    /// <summary>Infers the static type, reporting type errors to <paramref name="checker"/>.</summary>
    public abstract StaticType Check(TypeChecker checker);

    /// <summary>The value at now and how it goes on (see <see cref="TimedValue"/>). Never throws.</summary>
    public abstract TimedValue Evaluate(EvaluationScope scope);
}
