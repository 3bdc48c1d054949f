using System.Globalization;
using System.Text;
using Trellis.Core.Time;
using Trellis.Core.Values;

namespace Trellis.Core.Expressions.Syntax;

/// <summary>Turns expression text into tokens. A simple forward scan: its cost is linear in the (bounded) source length.</summary>
internal sealed class Lexer
{
    private readonly string _source;
    private readonly List<Token> _tokens = [];
    private int _index;

    private Lexer(string source) => _source = source;

    /// <summary>All tokens of <paramref name="source"/>, ending with an <see cref="TokenKind.End"/> token.</summary>
    public static IReadOnlyList<Token> Tokenize(string source)
    {
        var lexer = new Lexer(source);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            while (_index < _source.Length && char.IsWhiteSpace(_source[_index]))
            {
                _index++;
            }

            if (_index >= _source.Length)
            {
                _tokens.Add(new Token(TokenKind.End, "", _source.Length + 1, Value.Null));
                return;
            }

            var c = _source[_index];
            if (char.IsAsciiDigit(c))
            {
                ReadNumberOrDuration();
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                ReadWord();
            }
            else if (c is '"' or '\'')
            {
                ReadString(c);
            }
            else
            {
                ReadSymbol(c);
            }
        }
    }

    private void ReadNumberOrDuration()
    {
        var start = _index;
        SkipDigits();
        var hasFraction = false;
        if (_index + 1 < _source.Length && _source[_index] == '.' && char.IsAsciiDigit(_source[_index + 1]))
        {
            hasFraction = true;
            _index++;
            SkipDigits();
        }

        // A number glued to letters is a duration literal (7d, 1d6h, 30m).
        if (_index < _source.Length && char.IsAsciiLetter(_source[_index]))
        {
            while (_index < _source.Length && char.IsAsciiLetterOrDigit(_source[_index]))
            {
                _index++;
            }

            ReadDuration(start, hasFraction);
            return;
        }

        var text = _source[start.._index];
        var number = double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw new ExpressionSyntaxException(start + 1, $"the number {Shorten(text)} is too large");
        }

        Add(TokenKind.Number, start, Value.Number(number));
    }

    private void ReadDuration(int start, bool hasFraction)
    {
        var text = _source[start.._index];
        if (hasFraction)
        {
            throw new ExpressionSyntaxException(start + 1,
                $"'{Shorten(text)}' is not a duration: durations use whole numbers, e.g. 1d12h instead of 1.5d");
        }

        if (!DurationText.TryParse(text, out var duration, out var error))
        {
            throw new ExpressionSyntaxException(start + 1, error);
        }

        Add(TokenKind.Duration, start, Value.FromDuration(duration));
    }

    private void SkipDigits()
    {
        while (_index < _source.Length && char.IsAsciiDigit(_source[_index]))
        {
            _index++;
        }
    }

    private void ReadWord()
    {
        var start = _index;
        while (_index < _source.Length && (char.IsAsciiLetterOrDigit(_source[_index]) || _source[_index] == '_'))
        {
            _index++;
        }

        var kind = _source[start.._index] switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        var literal = kind switch
        {
            TokenKind.True => Value.True,
            TokenKind.False => Value.False,
            _ => Value.Null,
        };
        Add(kind, start, literal);
    }

    private void ReadString(char quote)
    {
        var start = _index;
        var text = new StringBuilder();
        _index++;
        while (true)
        {
            if (_index >= _source.Length)
            {
                throw new ExpressionSyntaxException(start + 1, $"unclosed string: add a closing {quote}");
            }

            var c = _source[_index];
            if (c == quote)
            {
                _index++;
                break;
            }

            if (c == '\\')
            {
                text.Append(ReadEscape());
                continue;
            }

            text.Append(c);
            _index++;
        }

        _tokens.Add(new Token(TokenKind.String, _source[start.._index], start + 1, Value.String(text.ToString())));
    }

    private char ReadEscape()
    {
        var column = _index + 1;
        if (_index + 1 >= _source.Length)
        {
            throw new ExpressionSyntaxException(column, "a string ends with a lone '\\'; write \\\\ for a backslash");
        }

        var escaped = _source[_index + 1];
        _index += 2;
        return escaped switch
        {
            '"' => '"',
            '\'' => '\'',
            '\\' => '\\',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            _ => throw new ExpressionSyntaxException(column,
                $"unknown escape '\\{escaped}' in a string; use \\\" \\' \\\\ \\n or \\t"),
        };
    }

    private void ReadSymbol(char c)
    {
        var next = _index + 1 < _source.Length ? _source[_index + 1] : '\0';
        var (kind, length) = (c, next) switch
        {
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('&', '&') => (TokenKind.AndAnd, 2),
            ('|', '|') => (TokenKind.OrOr, 2),
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('!', '=') => (TokenKind.BangEqual, 2),
            ('!', _) => (TokenKind.Bang, 1),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('>', _) => (TokenKind.Greater, 1),
            _ => throw new ExpressionSyntaxException(_index + 1, UnknownSymbolMessage(c)),
        };
        var start = _index;
        _index += length;
        Add(kind, start, Value.Null);
    }

    /// <summary>Catches the usual slips from other languages with a hint at what to write instead.</summary>
    private static string UnknownSymbolMessage(char c) => c switch
    {
        '=' => "'=' is not an operator: use '==' to compare",
        '&' => "'&' is not an operator: use '&&' for and",
        '|' => "'|' is not an operator: use '||' for or",
        _ => $"unexpected character '{c}'",
    };

    private void Add(TokenKind kind, int start, Value literal) =>
        _tokens.Add(new Token(kind, _source[start.._index], start + 1, literal));

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
