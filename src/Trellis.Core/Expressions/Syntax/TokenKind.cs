namespace Trellis.Core.Expressions.Syntax;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum TokenKind
{
    End,
    Number,
    Duration,
    String,
    Identifier,
    True,
    False,
    Null,
    In,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Plus,
    Minus,
    Star,
    Slash,
    Bang,
    AndAnd,
    OrOr,
    EqualEqual,
    BangEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}
