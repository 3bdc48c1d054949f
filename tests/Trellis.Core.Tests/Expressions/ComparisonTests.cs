using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class ComparisonTests
{
    private static InMemoryEvaluationContext Person() => new InMemoryEvaluationContext()
        .With("tier", Value.String("vip"))
        .With("age", Value.Number(41))
        .With("nps", Value.Number(6))
        .With("seen", Eval.Time("2026-04-01T00:00:00Z"))
        .With("seen_text", Value.String("2026-04-01"))
        .With("tags", Eval.List(Value.String("a"), Value.String("b")))
        .With("address", Eval.Map(("city", Value.String("Berlin"))));

    [Theory]
    [InlineData("1 == 1", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1 != 2", true)]
    [InlineData("\"a\" == \"a\"", true)]
    [InlineData("\"a\" == \"A\"", false)]
    [InlineData("true == true", true)]
    [InlineData("true != false", true)]
    [InlineData("1d == 24h", true)]
    [InlineData("2w != 14d", false)]
    [InlineData("[1, 2] == [1, 2]", true)]
    [InlineData("[1, 2] == [2, 1]", false)]
    [InlineData("profile.tags == [\"a\", \"b\"]", true)]
    [InlineData("profile.address == profile.address", true)]
    [InlineData("profile.tier == \"vip\"", true)]
    [InlineData("profile.age == \"41\"", false)]
    [InlineData("profile.age != \"41\"", true)]
    public void Equality(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source, Person()));

    [Theory]
    [InlineData("null == null", true)]
    [InlineData("null != null", false)]
    [InlineData("null != \"vip\"", true)]
    [InlineData("null == \"vip\"", false)]
    [InlineData("profile.missing == null", true)]
    [InlineData("profile.missing != \"vip\"", true)]
    [InlineData("profile.missing == profile.other_missing", true)]
    [InlineData("profile.tier != null", true)]
    [InlineData("0 == null", false)]
    [InlineData("false == null", false)]
    [InlineData("\"\" == null", false)]
    public void Null_is_an_ordinary_value_for_equality(string source, bool expected) =>
        Assert.Equal(Value.Bool(expected), Eval.Of(source, Person()));

    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 2.5", true)]
    [InlineData("2 >= 3", false)]
    [InlineData("profile.nps <= 6", true)]
    [InlineData("\"apple\" < \"banana\"", true)]
    [InlineData("\"Z\" < \"a\"", true)]
    [InlineData("\"b\" >= \"ab\"", true)]
    [InlineData("1h < 1d", true)]
    [InlineData("-1d < 0m", true)]
    [InlineData("profile.seen < now", true)]
    [InlineData("now - 10d < profile.seen", true)]
    public void Ordering(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source, Person()));

    [Theory]
    [InlineData("null < 1")]
    [InlineData("1 < null")]
    [InlineData("null <= null")]
    [InlineData("null >= null")]
    [InlineData("profile.missing > 0")]
    [InlineData("profile.missing <= 0")]
    [InlineData("profile.missing >= now")]
    public void Ordering_with_a_null_side_is_false(string source) => Assert.Equal(Value.False, Eval.Of(source, Person()));

    [Theory]
    [InlineData("profile.tier < 5")]
    [InlineData("profile.tier >= 5")]
    [InlineData("profile.age > 1d")]
    [InlineData("profile.tags < profile.tags")]
    [InlineData("profile.address >= profile.address")]
    [InlineData("profile.age < now")]
    [InlineData("profile.tier < now")]
    public void Ordering_mismatched_types_at_run_time_is_false(string source) =>
        Assert.Equal(Value.False, Eval.Of(source, Person()));

    [Theory]
    [InlineData("profile.seen_text == profile.seen", true)]
    [InlineData("profile.seen == \"2026-04-01T00:00:00Z\"", true)]
    [InlineData("profile.seen_text < now", true)]
    [InlineData("now > \"2026-04-09\"", true)]
    [InlineData("now < \"2026-04-10T11:59:59Z\"", false)]
    [InlineData("now <= \"2026-04-10T12:00:00Z\"", true)]
    [InlineData("now >= \"2026-04-10T14:00:00+02:00\"", true)]
    [InlineData("profile.seen_text == \"2026-04-01T00:00:00Z\"", false)]
    public void Date_strings_compare_as_times_against_times(string source, bool expected) =>
        Assert.Equal(Value.Bool(expected), Eval.Of(source, Person()));

    [Fact]
    public void Huge_lists_compare_within_the_scan_budget()
    {
        var big = Value.List(Enumerable.Range(0, 20_000).Select(i => Value.Number(i)).ToArray());
        var context = new InMemoryEvaluationContext().With("a", big).With("b", big);

        // Past the budget two lists count as different rather than being read to the end.
        Assert.Equal(Value.False, Eval.Of("profile.a == profile.b", context));
        var small = Value.List(Enumerable.Range(0, 9_000).Select(i => Value.Number(i)).ToArray());
        context.With("c", small).With("d", Value.List(small.AsList.ToArray()));
        Assert.Equal(Value.True, Eval.Of("profile.c == profile.d", context));
    }

    [Fact]
    public void Deeply_nested_data_compares_without_recursing_without_bound()
    {
        var deep = Value.Number(1);
        for (var i = 0; i < 5_000; i++)
        {
            deep = Value.List([deep]);
        }

        var context = new InMemoryEvaluationContext().With("a", deep).With("b", deep);
        Assert.Equal(Value.False, Eval.Of("profile.a == profile.b", context));
    }

    [Fact]
    public void Comparisons_chain_left_to_right()
    {
        // (1 < 2) == true
        Assert.Equal(Value.True, Eval.Of("1 < 2 == true"));
        Assert.Equal(Value.True, Eval.Of("1 + 1 == 2"));
    }

    [Fact]
    public void Durations_compare_exactly() =>
        Assert.Equal(Value.True, Eval.Of("1d6h == 30h && 1w > 6d23h59m && 90s > 1m", new InMemoryEvaluationContext { Now = Instant.FromUtc(2026, 1, 1, 0, 0) }));
}
