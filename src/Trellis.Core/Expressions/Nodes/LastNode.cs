using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>last("event")</c>: the properties of the most recent occurrence; only a new event changes it.</summary>
internal sealed class LastNode(int column, string eventName) : ExpressionNode(column)
{
    public string EventName { get; } = eventName;

    public override StaticType Check(TypeChecker checker)
    {
        checker.NoteEvent(EventName);
        return StaticType.Map;
    }

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(scope.Context.Last(EventName));
}
