namespace Trellis.Core.Expressions.Syntax;

/// <summary>
/// Stops lexing or parsing at the first syntax error. It never leaves <see cref="ExpressionParser"/>:
/// the public API reports errors as values, and after a syntax error nothing further can be trusted.
/// </summary>
internal sealed class ExpressionSyntaxException(int column, string message) : Exception(message)
{
    public int Column { get; } = column;
}
