using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>target.name</c>: a member of a map (a nested trait, an event property); anything else gives null.</summary>
internal sealed class MemberNode(int column, ExpressionNode target, string name) : ExpressionNode(column)
{
    public ExpressionNode Target { get; } = target;

    public string Name { get; } = name;

    public override StaticType Check(TypeChecker checker)
    {
        var target = checker.Check(Target);
        if (target is not (StaticType.Map or StaticType.Unknown or StaticType.Null))
        {
            checker.Report(Column,
                $"'.{Name}' reads a member of a map (such as profile.address.city), but this is {StaticTypeNames.WithArticle(target)}");
        }

        return StaticType.Unknown;
    }

    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var target = Target.Evaluate(scope);
        return TimedValue.Fixed(target.Value.Member(Name), target.Horizon);
    }
}
