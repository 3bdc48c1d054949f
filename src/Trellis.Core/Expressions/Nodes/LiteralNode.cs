using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary>A number, string, boolean, null or duration written in the source.</summary>
internal sealed class LiteralNode(int column, Value value) : ExpressionNode(column)
{
    public Value Value { get; } = value;

    public override StaticType Check(TypeChecker checker) => Value.Kind switch
    {
        ValueKind.Null => StaticType.Null,
        ValueKind.Bool => StaticType.Bool,
        ValueKind.Number => StaticType.Number,
        ValueKind.Duration => StaticType.Duration,
        // A string literal's text is known: only a date can act as a time.
        ValueKind.String => TimeCoercion.TryTime(Value, out _) ? StaticType.String : StaticType.PlainString,
        _ => StaticType.Unknown,
    };

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(Value);
}
