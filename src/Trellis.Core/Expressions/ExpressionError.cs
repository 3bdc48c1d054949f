namespace Trellis.Core.Expressions;

/// <summary>A parse or type error in an expression; <see cref="Column"/> is 1-based within the expression text.</summary>
public sealed record ExpressionError(int Column, string Message)
{
    public override string ToString() => $"column {Column}: {Message}";
}
