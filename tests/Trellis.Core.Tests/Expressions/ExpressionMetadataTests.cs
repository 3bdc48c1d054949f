using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class ExpressionMetadataTests
{
    [Fact]
    public void Referenced_steps_are_listed_once_in_order_of_appearance()
    {
        var expression = ExpressionParser.Parse("step(\"b\").opened || step(\"a\").sent && !step(\"b\").clicked || step(\"c\").delivered");
        Assert.Equal(["b", "a", "c"], expression.ReferencedSteps);
        Assert.Empty(expression.ReferencedModels);
    }

    [Fact]
    public void Referenced_models_are_listed_once()
    {
        var expression = ExpressionParser.Parse("score(\"churn\") > 0.5 && score(\"upsell\") < score(\"churn\")");
        Assert.Equal(["churn", "upsell"], expression.ReferencedModels);
        Assert.Empty(expression.ReferencedSteps);
    }

    [Fact]
    public void Referenced_events_are_those_read_from_history()
    {
        var expression = ExpressionParser.Parse(
            "count(\"b\", 7d) > 1 || performed(\"a\", 1d) && last(\"c\").x == event.y || count(\"b\", 1d) > 0");
        Assert.Equal(["b", "a", "c"], expression.ReferencedEvents);
        Assert.Empty(ExpressionParser.Parse("event.name == \"a\" && profile.a == 1").ReferencedEvents);
    }

    [Theory]
    [InlineData("now > profile.t", true)]
    [InlineData("since(profile.t) > 1d", true)]
    [InlineData("count(\"a\", 7d) > 1", true)]
    [InlineData("performed(\"a\", 7d)", true)]
    [InlineData("profile.a == 1 || exists([now])", true)]
    [InlineData("profile.a == 1", false)]
    [InlineData("journey.entered_at + 10d", false)]
    [InlineData("last(\"a\").x", false)]
    [InlineData("step(\"s\").sent && score(\"m\") > 0", false)]
    public void Depends_on_time(string source, bool expected) =>
        Assert.Equal(expected, ExpressionParser.Parse(source).DependsOnTime);

    [Theory]
    [InlineData("profile.a == 1", ValueKind.Bool)]
    [InlineData("1 + 2", ValueKind.Number)]
    [InlineData("count(\"a\", 1d)", ValueKind.Number)]
    [InlineData("\"x\"", ValueKind.String)]
    [InlineData("lower(profile.a)", ValueKind.String)]
    [InlineData("journey.entered_at + 10d", ValueKind.Time)]
    [InlineData("now", ValueKind.Time)]
    [InlineData("profile.x * 1d", ValueKind.Duration)]
    [InlineData("since(profile.t)", ValueKind.Duration)]
    [InlineData("[1]", ValueKind.List)]
    [InlineData("last(\"a\")", ValueKind.Map)]
    [InlineData("null", ValueKind.Null)]
    [InlineData("profile.a", null)]
    [InlineData("event.total", null)]
    [InlineData("profile.renewal_date - 7d", null)]
    [InlineData("profile.a + 1", ValueKind.Number)]
    public void Result_kind_is_known_when_types_are(string source, ValueKind? expected) =>
        Assert.Equal(expected, ExpressionParser.Parse(source).ResultKind);

    [Fact]
    public void Source_is_kept_verbatim()
    {
        var expression = ExpressionParser.Parse("  profile.a ==  1 ");
        Assert.Equal("  profile.a ==  1 ", expression.Source);
        Assert.Equal("  profile.a ==  1 ", expression.ToString());
    }

    [Fact]
    public void Parse_throws_a_format_exception_listing_the_errors()
    {
        var e = Assert.Throws<FormatException>(() => ExpressionParser.Parse("foo + \"a\" + 1"));
        Assert.Contains("column 1: unknown name 'foo'", e.Message);
    }

    [Fact]
    public void A_successful_parse_reports_no_errors()
    {
        Assert.True(ExpressionParser.TryParse("true", out var expression, out var errors));
        Assert.NotNull(expression);
        Assert.Empty(errors);
    }

    [Fact]
    public void One_expression_evaluates_concurrently()
    {
        var expression = ExpressionParser.Parse("count(\"a\", 7d) + 1 > 0 && profile.n * 2 == 84");
        var context = new InMemoryEvaluationContext().With("n", Value.Number(42)).Performed("a", InMemoryEvaluationContext.DefaultNow);
        var results = new Value[64];
        Parallel.For(0, results.Length, i => results[i] = expression.Evaluate(context));
        Assert.All(results, r => Assert.Equal(Value.True, r));
    }
}
