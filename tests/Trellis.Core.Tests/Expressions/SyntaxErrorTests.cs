namespace Trellis.Core.Tests.Expressions;

/// <summary>Every syntax error: where it points (1-based column) and what it tells the author to do.</summary>
public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("", 1, "expression is empty: write a condition or a value, such as profile.plan == \"pro\"")]
    [InlineData("   \t ", 1, "expression is empty: write a condition or a value, such as profile.plan == \"pro\"")]
    [InlineData("1 +", 4, "expected a value but found the end of the expression")]
    [InlineData("1 + )", 5, "expected a value but found ')'")]
    [InlineData("[1,]", 4, "expected a value but found ']'")]
    [InlineData("* 2", 1, "expected a value but found '*'")]
    [InlineData("profile.a == ", 14, "expected a value but found the end of the expression")]
    [InlineData("(1 + 2", 1, "unclosed '(': add a matching ')'")]
    [InlineData("x == ((1 + 2)", 6, "unclosed '(': add a matching ')'")]
    [InlineData("[1, 2", 1, "unclosed '[': add a matching ']'")]
    [InlineData("count(\"a\", 7d", 6, "unclosed '(': add a matching ')'")]
    [InlineData("(1 2)", 4, "expected an operator or ')' but found '2'")]
    [InlineData("[1 2]", 4, "expected ',' or ']' but found '2'")]
    [InlineData("count(\"a\" 7d)", 11, "expected ',' or ')' but found '7d'")]
    [InlineData("\"abc", 1, "unclosed string: add a closing \"")]
    [InlineData("profile.a == 'abc", 14, "unclosed string: add a closing '")]
    [InlineData("\"a\\q\"", 3, "unknown escape '\\q' in a string; use \\\" \\' \\\\ \\n or \\t")]
    [InlineData("\"a\\", 3, "a string ends with a lone '\\'; write \\\\ for a backslash")]
    [InlineData("1 2", 3, "unexpected '2': expected an operator or the end of the expression")]
    [InlineData("profile.a profile.b", 11, "unexpected 'profile': expected an operator or the end of the expression")]
    [InlineData("(1))", 4, "unexpected ')': there is no '(' to close")]
    [InlineData("profile.a and profile.b", 11, "unexpected 'and': expected an operator or the end of the expression; write && for and")]
    [InlineData("profile.a or profile.b", 11, "unexpected 'or': expected an operator or the end of the expression; write || for or")]
    [InlineData("not profile.a", 1, "'not' is not an operator; write ! for not")]
    [InlineData("1 = 2", 3, "'=' is not an operator: use '==' to compare")]
    [InlineData("a & b", 3, "'&' is not an operator: use '&&' for and")]
    [InlineData("a | b", 3, "'|' is not an operator: use '||' for or")]
    [InlineData("1 # 2", 3, "unexpected character '#'")]
    [InlineData("x in {\"a\"}", 6, "unexpected character '{'")]
    [InlineData("profile.", 9, "expected a name after '.' but found the end of the expression")]
    [InlineData("profile.a.1", 11, "expected a name after '.' but found '1'")]
    [InlineData("1.5d", 1, "'1.5d' is not a duration: durations use whole numbers, e.g. 1d12h instead of 1.5d")]
    [InlineData("count(\"a\", 7days)", 12, "'7days' is not a duration; write one like 30m, 48h, 14d, 2w or 1d6h")]
    [InlineData("3x", 1, "'3x' has an unknown unit 'x'; units are w, d, h, m, s")]
    [InlineData("6h1d", 1, "'6h1d': units must go from larger to smaller, each once (e.g. 1d6h30m)")]
    [InlineData("200000d", 1, "'200000d' is too large")]
    public void Syntax_errors(string source, int column, string message)
    {
        var error = Eval.Error(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void A_null_source_is_empty() =>
        Assert.Equal(1, Eval.Error(null!).Column);

    [Fact]
    public void Errors_print_with_their_column() =>
        Assert.Equal("column 3: unexpected '2': expected an operator or the end of the expression", Eval.Error("1 2").ToString());

    [Fact]
    public void Only_the_first_syntax_error_is_reported() =>
        Assert.Equal(3, Eval.Error("1 2 3 )").Column);
}
