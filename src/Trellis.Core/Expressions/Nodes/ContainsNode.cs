using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>contains(s, part)</c>: whether string s contains part (ordinal, case-sensitive); null unless both are strings.</summary>
internal sealed class ContainsNode(int column, ExpressionNode text, ExpressionNode part) : ExpressionNode(column)
{
    public ExpressionNode Text { get; } = text;

    public ExpressionNode Part { get; } = part;

    public override StaticType Check(TypeChecker checker)
    {
        CheckArgument(checker, Text, "first");
        CheckArgument(checker, Part, "second");
        return StaticType.Bool;
    }

    private static void CheckArgument(TypeChecker checker, ExpressionNode argument, string which)
    {
        var type = checker.Check(argument);
        if (!OperatorTypeRules.IsStringLike(type))
        {
            checker.Report(argument.Column,
                $"contains needs strings, as in contains(profile.email, \"@example.com\"); its {which} argument is {StaticTypeNames.WithArticle(type)}");
        }
    }

    /// <summary>Searches only the first <see cref="ExpressionLimits.MaxStringLength"/> characters, so the cost stays bounded.</summary>
    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var text = Text.Evaluate(scope);
        var part = Part.Evaluate(scope);
        var horizon = Horizons.Earliest(text.Horizon, part.Horizon);
        if (text.Value.AsString is not { } s || part.Value.AsString is not { } p)
        {
            return TimedValue.Fixed(Value.Null, horizon);
        }

        var found = s.AsSpan(0, Math.Min(s.Length, ExpressionLimits.MaxStringLength)).Contains(p, StringComparison.Ordinal);
        return TimedValue.Fixed(Value.Bool(found), horizon);
    }
}
