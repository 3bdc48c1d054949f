using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class LiteralTests
{
    [Theory]
    [InlineData("42", 42.0)]
    [InlineData("0", 0.0)]
    [InlineData("3.25", 3.25)]
    [InlineData("0.5", 0.5)]
    [InlineData("-7", -7.0)]
    [InlineData("1000000", 1_000_000.0)]
    public void Numbers_are_integers_or_decimals(string source, double expected) =>
        Assert.Equal(Value.Number(expected), Eval.Of(source));

    [Theory]
    [InlineData("\"hello\"", "hello")]
    [InlineData("'single'", "single")]
    [InlineData("\"\"", "")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("\"line\\nbreak\"", "line\nbreak")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("'a \"quoted\" word'", "a \"quoted\" word")]
    [InlineData("\"ünïcödé ✓\"", "ünïcödé ✓")]
    public void Strings_take_either_quote_and_escapes(string source, string expected) =>
        Assert.Equal(Value.String(expected), Eval.Of(source));

    [Fact]
    public void Booleans_and_null()
    {
        Assert.Equal(Value.True, Eval.Of("true"));
        Assert.Equal(Value.False, Eval.Of("false"));
        Assert.Equal(Value.Null, Eval.Of("null"));
    }

    [Theory]
    [InlineData("30m", 30 * NodaConstants.TicksPerMinute)]
    [InlineData("48h", 48 * NodaConstants.TicksPerHour)]
    [InlineData("14d", 14 * NodaConstants.TicksPerDay)]
    [InlineData("2w", 14 * NodaConstants.TicksPerDay)]
    [InlineData("45s", 45 * NodaConstants.TicksPerSecond)]
    [InlineData("1d6h", 30 * NodaConstants.TicksPerHour)]
    [InlineData("23d3h30m", (23 * 24 + 3) * NodaConstants.TicksPerHour + 30 * NodaConstants.TicksPerMinute)]
    public void Durations_are_a_number_glued_to_units(string source, long ticks) =>
        Assert.Equal(Value.FromDuration(Duration.FromTicks(ticks)), Eval.Of(source));

    [Fact]
    public void A_negated_duration_is_negative() =>
        Assert.Equal(Value.FromDuration(Duration.FromDays(-21)), Eval.Of("-21d"));

    [Fact]
    public void Lists_hold_any_values()
    {
        Assert.Equal(Eval.List(Value.String("a"), Value.String("b")), Eval.Of("[\"a\", \"b\"]"));
        Assert.Equal(Eval.List(), Eval.Of("[]"));
        Assert.Equal(Eval.List(Value.Number(1), Value.Null, Value.True, Eval.List(Value.Number(2))), Eval.Of("[1, null, true, [2]]"));
    }

    [Fact]
    public void Whitespace_is_free_between_tokens() =>
        Assert.Equal(Value.True, Eval.Of("  1\t+\n2   ==  3 "));

    [Fact]
    public void Keywords_may_be_member_names()
    {
        var context = new InMemoryEvaluationContext
        {
            Event = Eval.Map(("in", Value.Number(1)), ("null", Value.Number(2)), ("true", Value.Number(3))),
        };
        Assert.Equal(Value.Number(6), Eval.Of("event.in + event.null + event.true", context));
    }
}
