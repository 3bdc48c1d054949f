using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>score("model")</c>: a propensity between 0 and 1, or null when unknown.</summary>
internal sealed class ScoreNode(int column, string model) : ExpressionNode(column)
{
    public string Model { get; } = model;

    public override StaticType Check(TypeChecker checker)
    {
        checker.NoteModel(Model);
        return StaticType.Number;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var score = scope.Context.Score(Model);
        return TimedValue.Fixed(score.Kind == ValueKind.Number ? score : Value.Null);
    }
}
