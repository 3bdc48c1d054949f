using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Syntax;

/// <summary>One token: its kind, its source text, its 1-based column, and for literals the value it denotes.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Column, Value Literal)
{
    /// <summary>How an error message names this token: quoted text, or "the end of the expression".</summary>
    public string Describe() => Kind == TokenKind.End ? "the end of the expression" : $"'{Text}'";

    /// <summary>Keywords are fine as member names (<c>event.in</c>), so a name after a dot accepts them too.</summary>
    public bool IsName => Kind is TokenKind.Identifier or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.In;
}
