using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class LogicTests
{
    [Theory]
    [InlineData("true && true", true)]
    [InlineData("true && false", false)]
    [InlineData("false && true", false)]
    [InlineData("false && false", false)]
    [InlineData("true || false", true)]
    [InlineData("false || true", true)]
    [InlineData("false || false", false)]
    [InlineData("true || true", true)]
    [InlineData("!true", false)]
    [InlineData("!false", true)]
    [InlineData("!!true", true)]
    public void Truth_tables(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source));

    [Theory]
    [InlineData("true || false && false", true)]
    [InlineData("(true || false) && false", false)]
    [InlineData("!false && false", false)]
    [InlineData("!(false && false)", true)]
    [InlineData("!1 == 2", true)]
    [InlineData("1 == 2 || 2 == 2 && 3 == 3", true)]
    [InlineData("true == !false", true)]
    public void Precedence(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source));

    [Theory]
    [InlineData("profile.missing && true", false)]
    [InlineData("profile.missing || false", false)]
    [InlineData("profile.missing || true", true)]
    [InlineData("!profile.missing", true)]
    [InlineData("null || null", false)]
    [InlineData("!null", true)]
    [InlineData("profile.text && true", false)]
    [InlineData("profile.number || false", false)]
    [InlineData("!profile.text", true)]
    [InlineData("!profile.number", true)]
    [InlineData("profile.yes && profile.yes", true)]
    public void Non_booleans_and_null_count_as_false(string source, bool expected)
    {
        var context = new InMemoryEvaluationContext()
            .With("text", Value.String("true"))
            .With("number", Value.Number(1))
            .With("yes", Value.True);
        Assert.Equal(Value.Bool(expected), Eval.Of(source, context));
    }
}
