using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>
/// Whatever the text and whatever the data, parsing returns errors instead of throwing, and evaluation of
/// anything that parsed returns a value instead of throwing.
/// </summary>
public sealed class RobustnessPropertyTests
{
    private static readonly string[] Fragments =
    [
        "profile.a", "profile.b", "event.x", "journey.key", "journey.entered_at", "now", "1", "0", "2.5", "-", "+", "*", "/",
        "(", ")", "[", "]", ",", ".x", "\"x\"", "\"2026-04-10\"", "7d", "100000w", "null", "true", "!", "&&", "||", "==", "!=",
        "<", ">=", "in", "count(\"a\", 7d)", "performed(\"a\", 1d)", "since(", "lower(", "contains(", "exists(",
        "last(\"a\")", "step(\"s\").sent", "score(\"m\")", "count(\"a\", profile.a * 1d)",
    ];

    private static readonly Value[] Data =
    [
        Value.Null, Value.True, Value.Number(0), Value.Number(-1), Value.Number(1e300), Value.Number(double.NaN),
        Value.Number(double.PositiveInfinity), Value.String(""), Value.String("2026-04-10"), Value.String("x"),
        Value.Time(Instant.MaxValue), Value.Time(Instant.MinValue), Value.FromDuration(Duration.FromTicks(long.MaxValue)),
        Value.FromDuration(Duration.FromTicks(long.MinValue + 1)), Value.List([Value.Number(1), Value.Null]),
        Value.Map(new Dictionary<string, Value> { ["x"] = Value.Number(1) }),
    ];

    [Fact]
    public void Random_fragments_parse_or_fail_cleanly_and_evaluate_without_throwing() =>
        ParseAndEvaluate(Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts.Take(30))));

    [Fact]
    public void Random_well_formed_expressions_evaluate_without_throwing_on_any_data() =>
        ParseAndEvaluate(RandomExpressionGenerator.Expressions(depth: 4));

    [Theory]
    [InlineData("performed(\"a\", 1d + since(profile.b))", true)]
    [InlineData("count(\"a\", 1d + since(profile.b)) == 1", true)]
    public void A_window_reaching_past_the_start_of_time_means_ever_instead_of_overflowing(string source, bool expected)
    {
        // Found by the property above: since(the earliest instant) + 1d is longer than now − the earliest instant.
        Assert.True(ExpressionParser.TryParse(source, out var expression, out _));
        var context = new InMemoryEvaluationContext()
            .With("b", Value.Time(Instant.MinValue))
            .Performed("a", InMemoryEvaluationContext.DefaultNow - Duration.FromDays(365 * 100));

        Assert.Equal(Value.Bool(expected), expression!.Evaluate(context, out _));
    }

    private static void ParseAndEvaluate(Gen<string> sources)
    {
        var values = Gen.Elements(Data);
        var cases = from source in sources from a in values from b in values from x in values select (source, a, b, x);
        Prop.ForAll(Arb.From(cases), c =>
        {
            if (!ExpressionParser.TryParse(c.source, out var expression, out var errors))
            {
                Assert.All(errors, e => Assert.InRange(e.Column, 1, c.source.Length + 1));
                return;
            }

            var context = new InMemoryEvaluationContext { Event = Value.Map(new Dictionary<string, Value> { ["x"] = c.x }) }
                .With("a", c.a)
                .With("b", c.b)
                .Performed("a", InMemoryEvaluationContext.DefaultNow - Duration.FromHours(1));
            expression!.Evaluate(context, out var changesAt);
            Assert.True(changesAt is null || changesAt > context.Now);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3_000));
    }

    [Fact]
    public void Random_characters_never_make_the_parser_throw()
    {
        var characters = Gen.Elements("ab1 .()[]\"'\\,+-*/!&|=<>_#{}d7\n".ToCharArray());
        var sources = Gen.ListOf(characters).Select(cs => new string(cs.ToArray()));
        Prop.ForAll(Arb.From(sources), source =>
        {
            if (!ExpressionParser.TryParse(source, out _, out var errors))
            {
                Assert.NotEmpty(errors);
                Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3_000));
    }
}
