using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class FunctionTests
{
    private static readonly Instant Now = InMemoryEvaluationContext.DefaultNow;

    private static InMemoryEvaluationContext Shopper() => new InMemoryEvaluationContext()
        .Performed("order_completed", Now - Duration.FromDays(40), new Dictionary<string, Value> { ["order_id"] = Value.String("o1") })
        .Performed("order_completed", Now - Duration.FromDays(5), new Dictionary<string, Value>
        {
            ["order_id"] = Value.String("o2"),
            ["total"] = Value.Number(99.5),
            ["shipping"] = Eval.Map(("city", Value.String("Berlin"))),
        })
        .Performed("order_completed", Now - Duration.FromDays(1), new Dictionary<string, Value> { ["order_id"] = Value.String("o3") })
        .Performed("app_used", Now - Duration.FromDays(7))
        .Performed("app_used", Now);

    [Theory]
    [InlineData("count(\"order_completed\", 7d)", 2)]
    [InlineData("count(\"order_completed\", 30d)", 2)]
    [InlineData("count(\"order_completed\", 365d)", 3)]
    [InlineData("count(\"order_completed\", 1d)", 0)]
    [InlineData("count(\"order_completed\", 1d1s)", 1)]
    [InlineData("count(\"app_used\", 7d)", 1)]
    [InlineData("count(\"app_used\", 7d1s)", 2)]
    [InlineData("count(\"never\", 7d)", 0)]
    [InlineData("count(\"order_completed\", 0m)", 0)]
    [InlineData("count(\"order_completed\", -7d)", 0)]
    [InlineData("count(\"order_completed\", 3 * 1d)", 1)]
    public void Count_is_over_the_half_open_window(string source, int expected) =>
        Assert.Equal(Value.Number(expected), Eval.Of(source, Shopper()));

    [Fact]
    public void Count_of_a_null_window_is_null() =>
        Assert.Equal(Value.Null, Eval.Of("count(\"app_used\", profile.missing * 1d)", Shopper()));

    [Theory]
    [InlineData("performed(\"app_used\", 14d)", true)]
    [InlineData("performed(\"app_used\", 1s)", true)]
    [InlineData("performed(\"order_completed\", 1d)", false)]
    [InlineData("performed(\"never\", 100w)", false)]
    [InlineData("performed(\"app_used\", 0m)", false)]
    [InlineData("performed(\"app_used\", profile.missing * 1d)", false)]
    [InlineData("!performed(\"order_completed\", 12h)", true)]
    public void Performed(string source, bool expected) => Assert.Equal(Value.Bool(expected), Eval.Of(source, Shopper()));

    [Fact]
    public void Last_reads_the_most_recent_occurrence()
    {
        Assert.Equal(Value.String("o3"), Eval.Of("last(\"order_completed\").order_id", Shopper()));
        Assert.Equal(Value.Null, Eval.Of("last(\"order_completed\").total", Shopper()));
        Assert.Equal(Value.Null, Eval.Of("last(\"never\").order_id", Shopper()));
        Assert.Equal(Value.Null, Eval.Of("last(\"never\")", Shopper()));
        Assert.Equal(Value.True, Eval.Of("last(\"order_completed\").order_id != journey.key", Shopper()));
    }

    [Fact]
    public void Last_reads_nested_members()
    {
        var context = Shopper().At(Now - Duration.FromDays(2));
        Assert.Equal(Value.String("Berlin"), Eval.Of("last(\"order_completed\").shipping.city", context));
        Assert.Equal(Value.Number(99.5), Eval.Of("last(\"order_completed\").total", context));
    }

    [Fact]
    public void Since_is_now_minus_a_time()
    {
        var context = Shopper()
            .With("last_seen", Value.Time(Now - Duration.FromDays(3)))
            .With("seen_text", Value.String("2026-04-09T12:00:00Z"))
            .With("junk", Value.String("yesterday"));
        Assert.Equal(Value.FromDuration(Duration.FromDays(3)), Eval.Of("since(profile.last_seen)", context));
        Assert.Equal(Value.FromDuration(Duration.FromDays(1)), Eval.Of("since(profile.seen_text)", context));
        Assert.Equal(Value.FromDuration(Duration.FromDays(1)), Eval.Of("since(\"2026-04-09T12:00:00Z\")", context));
        Assert.Equal(Value.FromDuration(Duration.FromDays(-1)), Eval.Of("since(now + 1d)", context));
        Assert.Equal(Value.FromDuration(Duration.Zero), Eval.Of("since(now)", context));
        Assert.Equal(Value.True, Eval.Of("since(profile.last_seen) > 2d", context));
        Assert.Equal(Value.Null, Eval.Of("since(profile.missing)", context));
        Assert.Equal(Value.Null, Eval.Of("since(profile.junk)", context));
        Assert.Equal(Value.False, Eval.Of("since(profile.missing) > 1d", context));
    }

    [Fact]
    public void Exists_tells_whether_a_value_is_there()
    {
        var context = Shopper().With("email", Value.String("a@b.c")).With("empty", Value.String("")).With("off", Value.False);
        Assert.Equal(Value.True, Eval.Of("exists(profile.email)", context));
        Assert.Equal(Value.True, Eval.Of("exists(profile.empty)", context));
        Assert.Equal(Value.True, Eval.Of("exists(profile.off)", context));
        Assert.Equal(Value.False, Eval.Of("exists(profile.phone)", context));
        Assert.Equal(Value.True, Eval.Of("exists(last(\"order_completed\").order_id)", context));
        Assert.Equal(Value.False, Eval.Of("exists(last(\"never\").order_id)", context));
        Assert.Equal(Value.True, Eval.Of("exists(now)", context));
        Assert.Equal(Value.False, Eval.Of("exists(null)", context));
    }

    [Fact]
    public void Lower_lowers_strings_only()
    {
        var context = Shopper().With("country", Value.String("DE")).With("n", Value.Number(1));
        Assert.Equal(Value.String("de"), Eval.Of("lower(profile.country)", context));
        Assert.Equal(Value.True, Eval.Of("lower(profile.country) == \"de\"", context));
        Assert.Equal(Value.String("straße"), Eval.Of("lower(\"STRAßE\")", context));
        Assert.Equal(Value.Null, Eval.Of("lower(profile.n)", context));
        Assert.Equal(Value.Null, Eval.Of("lower(profile.missing)", context));
    }

    [Fact]
    public void Lower_keeps_at_most_64K_characters()
    {
        var context = Shopper().With("blob", Value.String(new string('A', 100_000)));
        Assert.Equal(65_536, Eval.Of("lower(profile.blob)", context).AsString!.Length);
    }

    [Fact]
    public void Contains_searches_strings()
    {
        var context = Shopper().With("email", Value.String("ada@example.com")).With("n", Value.Number(1));
        Assert.Equal(Value.True, Eval.Of("contains(profile.email, \"@example.com\")", context));
        Assert.Equal(Value.False, Eval.Of("contains(profile.email, \"@EXAMPLE.com\")", context));
        Assert.Equal(Value.True, Eval.Of("contains(lower(\"ADA@EXAMPLE.COM\"), \"example\")", context));
        Assert.Equal(Value.Null, Eval.Of("contains(profile.n, \"1\")", context));
        Assert.Equal(Value.Null, Eval.Of("contains(profile.email, profile.missing)", context));
        Assert.Equal(Value.Null, Eval.Of("contains(profile.missing, \"a\")", context));
    }

    [Fact]
    public void Contains_searches_at_most_64K_characters()
    {
        var context = Shopper().With("blob", Value.String(new string('x', 70_000) + "needle"));
        Assert.Equal(Value.False, Eval.Of("contains(profile.blob, \"needle\")", context));
    }

    [Fact]
    public void Step_reads_send_outcomes_as_booleans()
    {
        var context = Shopper();
        context.Outcomes[("welcome", "sent")] = true;
        context.Outcomes[("welcome", "delivered")] = true;
        context.Outcomes[("welcome", "opened")] = false;
        Assert.Equal(Value.True, Eval.Of("step(\"welcome\").sent", context));
        Assert.Equal(Value.True, Eval.Of("step(\"welcome\").delivered", context));
        Assert.Equal(Value.False, Eval.Of("step(\"welcome\").opened", context));

        // An outcome the engine does not know is false, not null.
        Assert.Equal(Value.False, Eval.Of("step(\"welcome\").clicked", context));
        Assert.Equal(Value.True, Eval.Of("!step(\"other\").opened", context));
    }

    [Fact]
    public void Score_reads_a_propensity_or_null()
    {
        var context = Shopper();
        context.Scores["churn"] = 0.82;
        Assert.Equal(Value.Number(0.82), Eval.Of("score(\"churn\")", context));
        Assert.Equal(Value.True, Eval.Of("score(\"churn\") > 0.7", context));
        Assert.Equal(Value.Null, Eval.Of("score(\"upsell\")", context));
        Assert.Equal(Value.False, Eval.Of("score(\"upsell\") > 0.7", context));
    }

    [Fact]
    public void Spec_examples_evaluate()
    {
        var context = Shopper().With("nps", Value.Number(4)).With("status", Value.String("active"));
        Assert.Equal(Value.True, Eval.Of("count(\"support_ticket_opened\", 60d) >= 3 || profile.nps <= 6", context));
        Assert.Equal(Value.False, Eval.Of("count(\"app_used\", 30d) < count(\"app_used\", 60d) - count(\"app_used\", 30d)", context));
        Assert.Equal(Value.False, Eval.Of("profile.status == \"active\" && !performed(\"app_used\", 14d)", context));
        Assert.Equal(Value.True, Eval.Of("performed(\"order_completed\", 20d) && last(\"order_completed\").order_id != journey.key", context));
    }
}
