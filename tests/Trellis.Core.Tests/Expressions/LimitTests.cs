using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>A hostile or careless expression is rejected cleanly at parse time and cannot hang or crash anything.</summary>
public sealed class LimitTests
{
    private const string TooDeep =
        "expression nests too deeply: more than 64 levels of parentheses, lists, calls or prefix operators";

    [Fact]
    public void Source_longer_than_4096_characters_is_rejected()
    {
        var error = Eval.Error("1" + new string(' ', 4096));
        Assert.Equal(1, error.Column);
        Assert.Equal("expression is too long: 4097 characters, the limit is 4096", error.Message);
    }

    [Fact]
    public void Source_of_exactly_4096_characters_is_accepted()
    {
        var source = "\"" + new string('x', 4094) + "\"";
        Assert.Equal(4096, source.Length);
        Assert.Equal(4094, Eval.Of(source).AsString!.Length);
    }

    [Fact]
    public void A_hundred_thousand_parentheses_give_a_clean_error()
    {
        var error = Eval.Error(new string('(', 100_000) + "1" + new string(')', 100_000));
        Assert.Equal("expression is too long: 200001 characters, the limit is 4096", error.Message);
    }

    [Theory]
    [InlineData("(", ")", 65)]
    [InlineData("[", "]", 65)]
    [InlineData("lower(", ")", 64 * 6 + 6)]
    [InlineData("!", "", 65)]
    [InlineData("-", "", 65)]
    public void Nesting_up_to_64_levels_parses_and_65_is_rejected(string open, string close, int column)
    {
        string Nest(int levels) => string.Concat(Enumerable.Repeat(open, levels)) + "1" + string.Concat(Enumerable.Repeat(close, levels));

        // Accepted at 64 (it may still be a type error: only the nesting is under test).
        ExpressionParser.TryParse(Nest(64), out _, out var errors);
        Assert.DoesNotContain(errors, e => e.Message == TooDeep);

        var error = Eval.Error(Nest(65));
        Assert.Equal(TooDeep, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_exhaust_even_a_small_stack()
    {
        IReadOnlyList<ExpressionError>? errors = null;
        var thread = new Thread(() => ExpressionParser.TryParse(new string('(', 4000) + "1", out _, out errors), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(TooDeep, Assert.Single(errors!).Message);
    }

    [Fact]
    public void More_than_500_nodes_is_rejected_at_the_node_that_crosses_the_limit()
    {
        // 250 literals and 249 operators: 499 nodes.
        var ok = string.Join("+", Enumerable.Repeat("1", 250));
        Assert.Equal(Value.Number(250), Eval.Of(ok));

        // 251 literals and 250 operators: the 250th '+' (column 500) is node 501.
        var error = Eval.Error(string.Join("+", Enumerable.Repeat("1", 251)));
        Assert.Equal("expression is too large: more than 500 parts (values, names, operators and calls); simplify it", error.Message);
        Assert.Equal(500, error.Column);
    }

    [Fact]
    public void A_long_flat_condition_within_the_limits_evaluates()
    {
        var countries = string.Join(", ", Enumerable.Range(0, 300).Select(i => $"\"C{i}\""));
        var context = new InMemoryEvaluationContext().With("country", Value.String("C299"));
        Assert.Equal(Value.True, Eval.Of($"profile.country in [{countries}]", context));

        var chain = string.Join(" || ", Enumerable.Range(0, 120).Select(i => $"profile.n == {i}"));
        Assert.Equal(Value.True, Eval.Of(chain, new InMemoryEvaluationContext().With("n", Value.Number(119))));
    }
}
