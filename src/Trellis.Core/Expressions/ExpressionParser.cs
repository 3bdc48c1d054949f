namespace Trellis.Core.Expressions;

/// <summary>Parses and type-checks expression text (SPEC §1). STUB: replaced by the real implementation.</summary>
public static class ExpressionParser
{
    public static bool TryParse(string source, out Expression? expression, out IReadOnlyList<ExpressionError> errors)
    {
        expression = new Expression(source);
        errors = [];
        return true;
    }
}
