using NodaTime;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>
/// The change horizon: the earliest instant after now at which the value may change with no new input. For
/// each case the value is checked just before the horizon (unchanged) and at it (changed), to the tick.
/// </summary>
public sealed class HorizonTests
{
    private static readonly Instant Now = InMemoryEvaluationContext.DefaultNow;
    private static readonly Duration Tick = Duration.FromTicks(1);

    private static Duration Days(double d) => Duration.FromTicks((long)(d * NodaConstants.TicksPerDay));

    /// <summary>Asserts the horizon, and that it is exact: the value holds up to it and differs at it.</summary>
    private static void AssertExactHorizon(string source, InMemoryEvaluationContext context, Instant expected)
    {
        var expression = ExpressionParser.Parse(source);
        var value = expression.Evaluate(context, out var changesAt);
        Assert.Equal(expected, changesAt);
        Assert.Equal(value, expression.Evaluate(context.At(expected - Tick)));
        Assert.NotEqual(value, expression.Evaluate(context.At(expected)));
    }

    private static Instant? HorizonOf(string source, InMemoryEvaluationContext context)
    {
        Eval.Of(source, context, out var changesAt);
        return changesAt;
    }

    private static InMemoryEvaluationContext History() => new InMemoryEvaluationContext()
        .Performed("app_used", Now - Days(5))
        .Performed("app_used", Now - Days(1))
        .Performed("app_used", Now - Days(0.5));

    [Fact]
    public void Count_changes_when_its_oldest_occurrence_ages_out() =>
        AssertExactHorizon("count(\"app_used\", 7d)", History(), Now + Days(2));

    [Fact]
    public void Count_of_an_event_at_the_window_edge_ages_out_at_exactly_t_plus_d()
    {
        var context = new InMemoryEvaluationContext().Performed("login", Now - Days(7) + Tick);
        Assert.Equal(Value.Number(1), Eval.Of("count(\"login\", 7d)", context));
        AssertExactHorizon("count(\"login\", 7d)", context, Now + Tick);
    }

    [Fact]
    public void Count_with_nothing_in_the_window_never_changes_by_itself()
    {
        Assert.Null(HorizonOf("count(\"app_used\", 12h)", History().At(Now + Days(1))));
        Assert.Null(HorizonOf("count(\"never\", 7d)", History()));
        Assert.Null(HorizonOf("count(\"app_used\", 0m)", History()));
    }

    [Fact]
    public void Performed_changes_when_its_newest_occurrence_ages_out() =>
        AssertExactHorizon("performed(\"app_used\", 14d)", History(), Now - Days(0.5) + Days(14));

    [Fact]
    public void Not_performed_never_changes_by_itself() =>
        Assert.Null(HorizonOf("performed(\"app_used\", 6h)", History()));

    [Fact]
    public void The_churn_segment_fires_exactly_fourteen_days_after_the_last_use()
    {
        var context = History().With("status", Value.String("active"));
        const string segment = "profile.status == \"active\" && !performed(\"app_used\", 14d)";
        AssertExactHorizon(segment, context, Now - Days(0.5) + Days(14));

        // For someone inactive, usage ageing out cannot change the result: no wake-up is needed.
        Assert.Null(HorizonOf(segment, History().With("status", Value.String("cancelled"))));
    }

    [Fact]
    public void Now_reaching_a_time_changes_at_that_time()
    {
        var context = new InMemoryEvaluationContext().With("trial_end", Value.Time(Now - Days(0.25)));
        AssertExactHorizon("now >= profile.trial_end + 1d", context, Now - Days(0.25) + Days(1));
        AssertExactHorizon("now < profile.trial_end + 1d", context, Now - Days(0.25) + Days(1));
    }

    [Fact]
    public void Strict_and_non_strict_comparisons_flip_one_tick_apart()
    {
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Now + Days(3)));
        AssertExactHorizon("now >= profile.t", context, Now + Days(3));
        AssertExactHorizon("now > profile.t", context, Now + Days(3) + Tick);
        AssertExactHorizon("now < profile.t", context, Now + Days(3));
        AssertExactHorizon("now <= profile.t", context, Now + Days(3) + Tick);
        AssertExactHorizon("profile.t > now", context, Now + Days(3));
        AssertExactHorizon("profile.t >= now", context, Now + Days(3) + Tick);
    }

    [Fact]
    public void Since_crossing_a_duration()
    {
        var context = new InMemoryEvaluationContext().With("last_seen", Value.Time(Now - Days(10)));
        AssertExactHorizon("since(profile.last_seen) > 14d", context, Now + Days(4) + Tick);
        AssertExactHorizon("since(profile.last_seen) >= 14d", context, Now + Days(4));
        AssertExactHorizon("14d < since(profile.last_seen)", context, Now + Days(4) + Tick);
        AssertExactHorizon("since(profile.last_seen) - 4d > 10d", context, Now + Days(4) + Tick);
    }

    [Fact]
    public void Since_of_a_date_string_moves_the_same_way()
    {
        var context = new InMemoryEvaluationContext().With("signed_up", Value.String("2026-04-01"));
        AssertExactHorizon("since(profile.signed_up) >= 14d", context, Instant.FromUtc(2026, 4, 15, 0, 0));
        AssertExactHorizon("now >= \"2026-04-11\"", context, Instant.FromUtc(2026, 4, 11, 0, 0));
    }

    [Fact]
    public void A_conditions_already_settled_for_good_never_changes()
    {
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Now - Days(3)));
        Assert.Null(HorizonOf("now > profile.t", context));
        Assert.Null(HorizonOf("since(profile.t) > 1d", context));
        Assert.Null(HorizonOf("profile.t + 1d < now", context));
    }

    [Fact]
    public void A_value_falling_with_the_clock()
    {
        var context = new InMemoryEvaluationContext().With("deadline", Value.Time(Now + Days(5)));
        AssertExactHorizon("profile.deadline - now < 1d", context, Now + Days(4) + Tick);
        AssertExactHorizon("-since(profile.deadline) <= 1d", context, Now + Days(4));
    }

    [Fact]
    public void Whole_multiples_of_a_moving_duration_stay_exact()
    {
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Now - Days(3)));
        AssertExactHorizon("2 * since(profile.t) > 14d", context, Now + Days(4) + Tick);
        AssertExactHorizon("since(profile.t) * 3 >= 12d", context, Now + Days(1));
        AssertExactHorizon("since(profile.t) + since(profile.t) >= 8d", context, Now + Days(1));
    }

    [Fact]
    public void Moving_minus_moving_at_the_same_rate_is_fixed()
    {
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Now - Days(3)));
        Assert.Null(HorizonOf("now - since(profile.t) == profile.t", context));
        Assert.Equal(Value.True, Eval.Of("now - since(profile.t) == profile.t", context));
        Assert.Null(HorizonOf("now - 1d < now", context));
        Assert.Null(HorizonOf("since(now) == 0m", context));
        Assert.Null(HorizonOf("now - now", context));
    }

    [Fact]
    public void Equality_with_a_moving_time_holds_for_one_tick()
    {
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Now + Days(1)));
        AssertExactHorizon("now == profile.t", context, Now + Days(1));
        AssertExactHorizon("now == profile.t", context.At(Now + Days(1)), Now + Days(1) + Tick);
        Assert.Null(HorizonOf("now == profile.t", context.At(Now + Days(2))));
        AssertExactHorizon("now != profile.t", context, Now + Days(1));
        AssertExactHorizon("now in [profile.t, now - 1d]", context, Now + Days(1));
    }

    [Fact]
    public void A_rate_that_steps_over_the_compared_value_never_equals_it()
    {
        // 2 × since(t) takes only even tick counts (here 2×(3d + δ)); 6d plus one tick is odd, never reached.
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Now - Days(3)));
        Assert.Null(HorizonOf("2 * since(profile.t) == 8d + 1s / 10000000", context));
    }

    [Fact]
    public void A_fractional_rate_falls_back_to_a_recheck_after_one_minute()
    {
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Now - Days(3)));
        var recheck = Now + ExpressionLimits.UnsolvableRecheck;
        Assert.Equal(recheck, HorizonOf("since(profile.t) / 3 > 2d", context));
        Assert.Equal(recheck, HorizonOf("1.5 * since(profile.t) > 5d", context));
        Assert.Equal(recheck, HorizonOf("count(\"x\", since(profile.t)) > 0", context));

        // An operand that settles the result alone makes the fallback irrelevant.
        Assert.Null(HorizonOf("since(profile.t) / 3 > 2d && profile.flag", context.With("flag", Value.False)));
    }

    [Fact]
    public void Values_that_move_with_the_clock_change_at_the_next_tick()
    {
        var context = new InMemoryEvaluationContext { JourneyEnteredAt = Value.Time(Now - Days(1)) }
            .With("t", Value.Time(Now - Days(3)));
        AssertExactHorizon("now", context, Now + Tick);
        AssertExactHorizon("since(profile.t)", context, Now + Tick);
        AssertExactHorizon("now + 1d", context, Now + Tick);
        Assert.Null(HorizonOf("journey.entered_at + 10d", context));
        Assert.Null(HorizonOf("profile.t - 7d", context));
    }

    [Fact]
    public void And_waits_for_the_last_false_operand_and_or_for_the_last_true_one()
    {
        var context = new InMemoryEvaluationContext()
            .Performed("a", Now - Days(1))
            .Performed("b", Now - Days(2));

        // Both performed, both true: the && turns false when the first of them ages out.
        AssertExactHorizon("performed(\"a\", 7d) && performed(\"b\", 7d)", context, Now + Days(5));

        // ... the || stays true until the last of them ages out.
        AssertExactHorizon("performed(\"a\", 7d) || performed(\"b\", 7d)", context, Now + Days(6));

        // Both false: an && stays false until the later one may turn; an || may turn with the earlier.
        var later = new InMemoryEvaluationContext().With("t1", Value.Time(Now + Days(1))).With("t2", Value.Time(Now + Days(2)));
        AssertExactHorizon("now >= profile.t1 && now >= profile.t2", later, Now + Days(2));
        AssertExactHorizon("now >= profile.t1 || now >= profile.t2", later, Now + Days(1));
    }

    [Fact]
    public void A_side_that_cannot_decide_the_result_does_not_shorten_the_horizon()
    {
        var context = new InMemoryEvaluationContext().Performed("a", Now - Days(1)).With("vip", Value.True);
        Assert.Null(HorizonOf("profile.vip || performed(\"a\", 7d)", context));
        Assert.Null(HorizonOf("!profile.vip && performed(\"a\", 7d)", context));
        AssertExactHorizon("profile.vip && performed(\"a\", 7d)", context, Now + Days(6));
    }

    [Fact]
    public void Negation_keeps_the_horizon() =>
        AssertExactHorizon("!performed(\"app_used\", 14d)", History(), Now - Days(0.5) + Days(14));

    [Fact]
    public void Comparisons_and_arithmetic_take_the_earliest_operand_horizon()
    {
        // Conservative: the count drops at now + 2d, even though 3 - 1 is still >= 1 then.
        Assert.Equal(Now + Days(2), HorizonOf("count(\"app_used\", 7d) >= 1", History()));
        Assert.Equal(Now + Days(2), HorizonOf("count(\"app_used\", 7d) + 1", History()));
        Assert.Equal(Now + Days(2), HorizonOf("[count(\"app_used\", 7d)]", History()));
        Assert.Equal(Now + Days(2), HorizonOf("1 in [count(\"app_used\", 7d)]", History()));
        Assert.Equal(Now + Days(2), HorizonOf("exists(count(\"app_used\", 7d))", History()));
    }

    [Fact]
    public void Reads_that_only_new_input_can_change_have_no_horizon()
    {
        var context = History().With("plan", Value.String("pro"));
        context.Scores["churn"] = 0.4;
        context.Outcomes[("welcome", "opened")] = true;
        foreach (var source in new[]
                 {
                     "profile.plan == \"pro\"", "last(\"app_used\")", "step(\"welcome\").opened", "score(\"churn\") > 0.3",
                     "exists(profile.plan)", "lower(profile.plan)", "contains(profile.plan, \"p\")", "[1, 2]", "\"p\" in profile.plan",
                     "event.x", "journey.key", "journey.event.y", "1 + 2",
                 })
        {
            Assert.Null(HorizonOf(source, context));
        }
    }

    [Fact]
    public void A_list_holding_a_moving_value_changes_at_the_next_tick()
    {
        Assert.Equal(Now + Tick, HorizonOf("[now]", new InMemoryEvaluationContext()));
        Assert.Equal(Value.True, Eval.Of("exists([now])", new InMemoryEvaluationContext()));
    }

    [Fact]
    public void A_moving_time_searched_in_a_data_list_finds_its_crossing()
    {
        var context = new InMemoryEvaluationContext()
            .With("slots", Eval.List(Value.Time(Now + Days(2)), Value.Time(Now + Days(1)), Value.Time(Now - Days(1))));
        AssertExactHorizon("now in profile.slots", context, Now + Days(1));
    }
}
