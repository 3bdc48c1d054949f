using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Evaluation;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Nodes;

/// <summary><c>lower(s)</c>: s in lower case (invariant culture); null when s is not a string.</summary>
internal sealed class LowerNode(int column, ExpressionNode text) : ExpressionNode(column)
{
    public ExpressionNode Text { get; } = text;

    public override StaticType Check(TypeChecker checker)
    {
        var type = checker.Check(Text);
        if (!OperatorTypeRules.IsStringLike(type))
        {
            checker.Report(Text.Column, $"lower needs a string, not {StaticTypeNames.WithArticle(type)}");
        }

        // Lowering a date string still reads as a date, so the result may act as a time.
        return StaticType.String;
    }

    /// <summary>Only the first <see cref="ExpressionLimits.MaxStringLength"/> characters are kept, so the cost stays bounded.</summary>
    public override TimedValue Evaluate(EvaluationScope scope)
    {
        var text = Text.Evaluate(scope);
        if (text.Value.AsString is not { } s)
        {
            return TimedValue.Fixed(Value.Null, text.Horizon);
        }

        var bounded = s.Length > ExpressionLimits.MaxStringLength ? s[..ExpressionLimits.MaxStringLength] : s;
        return TimedValue.Fixed(Value.String(bounded.ToLowerInvariant()), text.Horizon);
    }
}
