using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary>
/// Stands where the parser found a well-formed but meaningless construct (an unknown name, a misused
/// function). Parsing goes on so that the checker can report this together with every other error.
/// An expression containing one is never handed out, so it is never evaluated.
/// </summary>
internal sealed class InvalidNode(int column, string message) : ExpressionNode(column)
{
    public string Message { get; } = message;

    public override StaticType Check(TypeChecker checker)
    {
        checker.Report(Column, Message);
        return StaticType.Unknown;
    }

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(Value.Null);
}
