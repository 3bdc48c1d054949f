using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2", 3.0)]
    [InlineData("10 - 4", 6.0)]
    [InlineData("6 * 7", 42.0)]
    [InlineData("7 / 2", 3.5)]
    [InlineData("0.1 + 0.2 > 0.3", null)]
    [InlineData("2 + 3 * 4", 14.0)]
    [InlineData("(2 + 3) * 4", 20.0)]
    [InlineData("10 - 2 - 3", 5.0)]
    [InlineData("24 / 4 / 2", 3.0)]
    [InlineData("-2 * 3", -6.0)]
    [InlineData("- -2", 2.0)]
    [InlineData("2 - -2", 4.0)]
    public void Numbers(string source, double? expected)
    {
        if (expected is { } e)
        {
            Assert.Equal(Value.Number(e), Eval.Of(source));
        }
        else
        {
            Assert.Equal(Value.True, Eval.Of(source));
        }
    }

    [Fact]
    public void Time_plus_and_minus_duration_is_a_time()
    {
        var context = new InMemoryEvaluationContext().With("trial_end", Eval.Time("2026-04-10T09:00:00Z"));
        Assert.Equal(Eval.Time("2026-04-11T09:00:00Z"), Eval.Of("profile.trial_end + 1d", context));
        Assert.Equal(Eval.Time("2026-04-11T09:00:00Z"), Eval.Of("1d + profile.trial_end", context));
        Assert.Equal(Eval.Time("2026-04-09T03:00:00Z"), Eval.Of("profile.trial_end - 1d6h", context));
    }

    [Fact]
    public void Time_minus_time_is_a_duration()
    {
        var context = new InMemoryEvaluationContext()
            .With("a", Eval.Time("2026-04-10T09:00:00Z"))
            .With("b", Eval.Time("2026-04-08T08:30:00Z"));
        Assert.Equal(Value.FromDuration(Duration.FromMinutes(2 * 24 * 60 + 30)), Eval.Of("profile.a - profile.b", context));
        Assert.Equal(Value.FromDuration(Duration.FromMinutes(-(2 * 24 * 60 + 30))), Eval.Of("profile.b - profile.a", context));
    }

    [Fact]
    public void Durations_add_and_subtract()
    {
        Assert.Equal(Value.FromDuration(Duration.FromHours(30)), Eval.Of("1d + 6h"));
        Assert.Equal(Value.FromDuration(Duration.FromHours(18)), Eval.Of("1d - 6h"));
        Assert.Equal(Value.FromDuration(Duration.FromHours(-6)), Eval.Of("-6h"));
    }

    [Fact]
    public void Numbers_scale_durations()
    {
        var context = new InMemoryEvaluationContext { Event = Eval.Map(("days_supply", Value.Number(30))) };
        Assert.Equal(Value.FromDuration(Duration.FromDays(30)), Eval.Of("event.days_supply * 1d", context));
        Assert.Equal(Value.FromDuration(Duration.FromDays(6)), Eval.Of("2d * 3", context));
        Assert.Equal(Value.FromDuration(Duration.FromHours(36)), Eval.Of("1.5 * 1d", context));
        Assert.Equal(Value.FromDuration(Duration.FromHours(12)), Eval.Of("1d / 2", context));
        Assert.Equal(Value.FromDuration(Duration.FromHours(8)), Eval.Of("1d / 3", context));
    }

    [Fact]
    public void The_spec_example_wait_until_expression()
    {
        var context = new InMemoryEvaluationContext
        {
            JourneyEnteredAt = Eval.Time("2026-04-01T10:00:00Z"),
            Event = Eval.Map(("days_supply", Value.Number(30))),
        };
        Assert.Equal(Eval.Time("2026-04-28T10:00:00Z"), Eval.Of("journey.entered_at + event.days_supply * 1d - 3d", context));
    }

    [Theory]
    [InlineData("null + 1")]
    [InlineData("1 - null")]
    [InlineData("null * 2")]
    [InlineData("2 / null")]
    [InlineData("null + 1d")]
    [InlineData("profile.missing + 1")]
    [InlineData("profile.missing * 1d")]
    [InlineData("now - profile.missing")]
    [InlineData("-profile.missing")]
    [InlineData("-null")]
    public void Arithmetic_with_null_is_null(string source) => Assert.Equal(Value.Null, Eval.Of(source));

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("0 / 0")]
    [InlineData("1d / 0")]
    [InlineData("1d / (2 - 2)")]
    public void Division_by_zero_is_null(string source) => Assert.Equal(Value.Null, Eval.Of(source));

    [Theory]
    [InlineData("profile.s + 1")]
    [InlineData("profile.b * 2")]
    [InlineData("profile.n + 1d")]
    [InlineData("profile.s - profile.n")]
    [InlineData("profile.d * profile.d")]
    [InlineData("profile.n / profile.d")]
    [InlineData("-profile.s")]
    [InlineData("-profile.b")]
    public void Mismatched_types_at_run_time_give_null(string source)
    {
        var context = new InMemoryEvaluationContext()
            .With("s", Value.String("text"))
            .With("b", Value.True)
            .With("n", Value.Number(3))
            .With("d", Value.FromDuration(Duration.FromDays(1)));
        Assert.Equal(Value.Null, Eval.Of(source, context));
    }

    [Theory]
    [InlineData("profile.big * profile.big * profile.big")]
    [InlineData("profile.big * 100000w")]
    [InlineData("now + profile.big * 100000w")]
    [InlineData("profile.huge * 1d")]
    [InlineData("1d / profile.tiny")]
    [InlineData("profile.far + 100000w")]
    public void Overflow_gives_null_not_an_exception(string source)
    {
        var context = new InMemoryEvaluationContext()
            .With("big", Value.Number(1e300))
            .With("huge", Value.Number(1e20))
            .With("tiny", Value.Number(1e-300))
            .With("far", Value.Time(Instant.FromUtc(9999, 1, 1, 0, 0)));
        Assert.Equal(Value.Null, Eval.Of(source, context));
    }

    [Fact]
    public void Date_strings_act_as_times_next_to_durations()
    {
        var context = new InMemoryEvaluationContext()
            .With("renewal_date", Value.String("2026-05-01"))
            .With("seen", Value.String("2026-04-10T09:00:00Z"))
            .With("junk", Value.String("soon"));
        Assert.Equal(Eval.Time("2026-04-24T00:00:00Z"), Eval.Of("profile.renewal_date - 7d", context));
        Assert.Equal(Eval.Time("2026-04-10T10:00:00Z"), Eval.Of("profile.seen + 1h", context));
        Assert.Equal(Eval.Time("2026-04-10T10:00:00Z"), Eval.Of("1h + profile.seen", context));
        Assert.Equal(Eval.Time("2026-05-02T00:00:00Z"), Eval.Of("\"2026-05-01\" + 1d", context));
        Assert.Equal(Value.Null, Eval.Of("profile.junk + 1d", context));
    }

    [Fact]
    public void Date_strings_act_as_times_next_to_times()
    {
        var context = new InMemoryEvaluationContext()
            .With("start", Value.String("2026-04-01"))
            .With("end", Eval.Time("2026-04-03T12:00:00Z"));
        Assert.Equal(Value.FromDuration(Duration.FromHours(60)), Eval.Of("profile.end - profile.start", context));
        Assert.Equal(Value.FromDuration(Duration.FromHours(-60)), Eval.Of("profile.start - profile.end", context));

        // Two strings are not subtracted: neither side needs a time.
        Assert.Equal(Value.Null, Eval.Of("profile.start - profile.start", context));
    }
}
