using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>profile.&lt;trait&gt;</c>: dynamically typed, so it never causes a static type error.</summary>
internal sealed class ProfileTraitNode(int column, string trait) : ExpressionNode(column)
{
    public string Trait { get; } = trait;

    public override StaticType Check(TypeChecker checker) => StaticType.Unknown;

    public override TimedValue Evaluate(EvaluationScope scope) => TimedValue.Fixed(scope.Context.Profile(Trait));
}
