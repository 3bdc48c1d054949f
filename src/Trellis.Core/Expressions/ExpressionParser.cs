using Trellis.Core.Expressions.Checking;
using Trellis.Core.Expressions.Syntax;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions;

/// <summary>
/// Parses and type-checks expression text (SPEC §1). Every problem is found here, before anything runs: a
/// syntax error (the first one, since what follows it cannot be read reliably), or all type errors at once.
/// </summary>
public static class ExpressionParser
{
    public static bool TryParse(string source, out Expression? expression, out IReadOnlyList<ExpressionError> errors)
    {
        expression = null;
        source ??= "";
        if (Precheck(source) is { } tooLongOrEmpty)
        {
            errors = [tooLongOrEmpty];
            return false;
        }

        Nodes.ExpressionNode root;
        try
        {
            root = Parser.Parse(source);
        }
        catch (ExpressionSyntaxException e)
        {
            errors = [new ExpressionError(e.Column, e.Message)];
            return false;
        }

        var checker = new TypeChecker();
        var type = checker.Check(root);
        if (checker.Errors.Count > 0)
        {
            errors = checker.Errors.OrderBy(e => e.Column).ToArray();
            return false;
        }

        errors = [];
        expression = new Expression(source, root)
        {
            ReferencedSteps = checker.ReferencedSteps.ToArray(),
            ReferencedModels = checker.ReferencedModels.ToArray(),
            ReferencedEvents = checker.ReferencedEvents.ToArray(),
            DependsOnTime = checker.DependsOnTime,
            ResultKind = KindOf(type),
        };
        return true;
    }

    /// <summary>Parses, or throws a <see cref="FormatException"/> listing the errors (for code and tests with trusted text).</summary>
    public static Expression Parse(string source)
    {
        if (TryParse(source, out var expression, out var errors))
        {
            return expression!;
        }

        throw new FormatException($"invalid expression '{source}': " + string.Join("; ", errors));
    }

    private static ExpressionError? Precheck(string source)
    {
        if (source.Length > ExpressionLimits.MaxSourceLength)
        {
            return new ExpressionError(1,
                $"expression is too long: {source.Length} characters, the limit is {ExpressionLimits.MaxSourceLength}");
        }

        return string.IsNullOrWhiteSpace(source)
            ? new ExpressionError(1, "expression is empty: write a condition or a value, such as profile.plan == \"pro\"")
            : null;
    }

    private static ValueKind? KindOf(StaticType type) => type switch
    {
        StaticType.Null => ValueKind.Null,
        StaticType.Bool => ValueKind.Bool,
        StaticType.Number => ValueKind.Number,
        StaticType.String or StaticType.PlainString => ValueKind.String,
        StaticType.Time => ValueKind.Time,
        StaticType.Duration => ValueKind.Duration,
        StaticType.List => ValueKind.List,
        StaticType.Map => ValueKind.Map,
        _ => null,
    };
}
