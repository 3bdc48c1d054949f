using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>Where a time is needed, an ISO-8601 date or date-time string acts as that time; nothing else does.</summary>
public sealed class CoercionTests
{
    [Theory]
    [InlineData("2026-04-10", "2026-04-10T00:00:00Z")]
    [InlineData("2026-04-10T09:00:00Z", "2026-04-10T09:00:00Z")]
    [InlineData("2026-04-10T09:00:00", "2026-04-10T09:00:00Z")]
    [InlineData("2026-04-10T09:00:00+02:00", "2026-04-10T07:00:00Z")]
    [InlineData("2026-04-10T09:00:00.250Z", "2026-04-10T09:00:00.25Z")]
    public void Iso_dates_and_date_times_act_as_times(string text, string expected)
    {
        var context = new InMemoryEvaluationContext().With("t", Value.String(text));
        Assert.Equal(Eval.Time(expected), Eval.Of("profile.t + 0m", context));
        Assert.Equal(Value.True, Eval.Of($"profile.t == \"{text}\"", context));
        Assert.Equal(Value.True, Eval.Of("profile.t + 0m == profile.t", context));
    }

    [Theory]
    [InlineData("10:00")]
    [InlineData("April 10, 2026")]
    [InlineData("04/10/2026")]
    [InlineData("2026-13-45")]
    [InlineData("soon")]
    [InlineData("")]
    public void Other_text_is_not_a_time(string text)
    {
        var context = new InMemoryEvaluationContext().With("t", Value.String(text));
        Assert.Equal(Value.Null, Eval.Of("profile.t + 1d", context));
        Assert.Equal(Value.Null, Eval.Of("since(profile.t)", context));
        Assert.Equal(Value.False, Eval.Of("profile.t < now", context));
        Assert.Equal(Value.False, Eval.Of("profile.t >= now", context));
        Assert.Equal(Value.False, Eval.Of("profile.t == now", context));
    }

    [Fact]
    public void A_time_of_day_literal_is_rejected_next_to_a_time_rather_than_read_against_the_machine_clock() =>
        Assert.StartsWith("'>' cannot order a time with a string", Eval.Error("now > \"10:00\"").Message);

    [Fact]
    public void Two_date_strings_compare_as_strings()
    {
        // Neither side needs a time, so this is an ordinal comparison, which ISO dates sort correctly under.
        Assert.Equal(Value.True, Eval.Of("\"2026-04-10\" < \"2026-05-01\""));
        Assert.Equal(Value.False, Eval.Of("\"2026-04-10\" == \"2026-04-10T00:00:00Z\""));
    }

    [Fact]
    public void A_date_string_in_a_list_matches_the_time_it_denotes()
    {
        var context = new InMemoryEvaluationContext().With("t", Value.Time(Instant.FromUtc(2026, 4, 10, 0, 0)));
        Assert.Equal(Value.True, Eval.Of("profile.t in [\"2026-04-10\"]", context));
    }
}
