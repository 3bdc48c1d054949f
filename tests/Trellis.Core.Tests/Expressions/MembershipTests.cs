using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class MembershipTests
{
    private static InMemoryEvaluationContext Person() => new InMemoryEvaluationContext()
        .With("country", Value.String("DE"))
        .With("countries", Eval.List(Value.String("DE"), Value.String("AT")))
        .With("email", Value.String("ada@example.com"))
        .With("consent", Eval.Map(("email", Value.True)))
        .With("seen", Value.String("2026-04-01"));

    [Theory]
    [InlineData("\"DE\" in [\"DE\", \"AT\"]", true)]
    [InlineData("\"CH\" in [\"DE\", \"AT\"]", false)]
    [InlineData("profile.country in [\"DE\", \"AT\"]", true)]
    [InlineData("profile.country in profile.countries", true)]
    [InlineData("\"FR\" in profile.countries", false)]
    [InlineData("2 in [1, 2, 3]", true)]
    [InlineData("2 in [\"2\"]", false)]
    [InlineData("1d in [24h]", true)]
    [InlineData("[1] in [[1], [2]]", true)]
    [InlineData("1 in []", false)]
    [InlineData("profile.seen in [profile.seen]", true)]
    public void List_membership(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source, Person()));

    [Theory]
    [InlineData("\"example\" in profile.email", true)]
    [InlineData("\"@\" in profile.email", true)]
    [InlineData("\"EXAMPLE\" in profile.email", false)]
    [InlineData("\"\" in profile.email", true)]
    [InlineData("1 in profile.email", false)]
    public void Substring(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source, Person()));

    [Theory]
    [InlineData("\"email\" in profile.consent", true)]
    [InlineData("\"sms\" in profile.consent", false)]
    [InlineData("1 in profile.consent", false)]
    public void Map_key(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source, Person()));

    [Theory]
    [InlineData("null in [null]")]
    [InlineData("profile.missing in [1, null]")]
    [InlineData("\"a\" in profile.missing")]
    [InlineData("null in profile.email")]
    [InlineData("null in profile.consent")]
    [InlineData("profile.missing in profile.missing")]
    [InlineData("1 in profile.country_count")]
    public void Null_on_either_side_or_a_non_container_is_false(string source) =>
        Assert.Equal(Value.False, Eval.Of(source, Person().With("country_count", Value.Number(3))));

    [Fact]
    public void A_list_is_scanned_only_up_to_the_limit()
    {
        var items = Enumerable.Range(0, 20_000).Select(i => Value.Number(i)).ToArray();
        var context = new InMemoryEvaluationContext().With("ids", Value.List(items));
        Assert.Equal(Value.True, Eval.Of("9999 in profile.ids", context));
        Assert.Equal(Value.False, Eval.Of("10000 in profile.ids", context));
    }

    [Fact]
    public void A_string_is_searched_only_in_its_first_64K_characters()
    {
        var text = new string('x', 70_000) + "needle";
        var context = new InMemoryEvaluationContext().With("blob", Value.String(text)).With("early", Value.String("needle" + text));
        Assert.Equal(Value.False, Eval.Of("\"needle\" in profile.blob", context));
        Assert.Equal(Value.True, Eval.Of("\"needle\" in profile.early", context));
    }
}
