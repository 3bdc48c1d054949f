namespace Trellis.Core.Tests.Expressions;

/// <summary>Every static check: names, functions, arguments and operator types whose both sides are known.</summary>
public sealed class TypeErrorTests
{
    private const string Roots = "expressions read profile., event., journey., now";
    private const string DateHint = "; a string acts as a time only when it is a date such as \"2026-04-10\" or \"2026-04-10T09:00:00Z\"";
    private const string Functions = "count, performed, last, since, exists, lower, contains, step, score";

    [Theory]
    [InlineData("foo", 1, "unknown name 'foo'; " + Roots)]
    [InlineData("profile.a == bar.baz", 14, "unknown name 'bar'; " + Roots)]
    [InlineData("profile", 1, "profile needs a trait name, as in profile.plan")]
    [InlineData("journey", 1, "journey needs a member: journey.entered_at, journey.key or journey.event.<property>")]
    [InlineData("journey.foo", 9, "journey has no 'foo'; use journey.entered_at, journey.key or journey.event.<property>")]
    public void Names(string source, int column, string message) => AssertError(source, column, message);

    [Theory]
    [InlineData("f(1)", 1, "unknown function 'f'; functions are " + Functions)]
    [InlineData("now()", 1, "unknown function 'now'; functions are " + Functions)]
    [InlineData("count(\"a\")", 1, "count takes 2 arguments, as in count(\"signup\", 7d); this call has 1")]
    [InlineData("count(\"a\", 7d, 1)", 1, "count takes 2 arguments, as in count(\"signup\", 7d); this call has 3")]
    [InlineData("performed()", 1, "performed takes 2 arguments, as in performed(\"app_used\", 14d); this call has 0")]
    [InlineData("profile.x == last()", 14, "last takes 1 argument, as in last(\"order_completed\").total; this call has 0")]
    [InlineData("since()", 1, "since takes 1 argument, as in since(profile.last_seen); this call has 0")]
    [InlineData("exists(profile.a, profile.b)", 1, "exists takes 1 argument, as in exists(profile.email); this call has 2")]
    [InlineData("lower()", 1, "lower takes 1 argument, as in lower(profile.country); this call has 0")]
    [InlineData("contains(\"a\")", 1, "contains takes 2 arguments, as in contains(profile.email, \"@example.com\"); this call has 1")]
    [InlineData("step(\"a\", \"b\").sent", 1, "step takes 1 argument, as in step(\"welcome\").opened; this call has 2")]
    [InlineData("score()", 1, "score takes 1 argument, as in score(\"churn\"); this call has 0")]
    public void Functions_and_argument_counts(string source, int column, string message) => AssertError(source, column, message);

    [Theory]
    [InlineData("count(profile.e, 7d)", 7, "the first argument of count must be an event name in quotes, as in count(\"signup\", 7d)")]
    [InlineData("performed(e, 7d)", 11, "the first argument of performed must be an event name in quotes, as in performed(\"app_used\", 14d)")]
    [InlineData("last(1).x", 6, "the argument of last must be an event name in quotes, as in last(\"order_completed\").total")]
    [InlineData("step(a).sent", 6, "the argument of step must be a step id in quotes, as in step(\"welcome\").opened")]
    [InlineData("score(lower(\"x\"))", 7, "the argument of score must be a model name in quotes, as in score(\"churn\")")]
    [InlineData("performed(\"a\", 1)", 16, "the second argument of performed must be a duration such as 7d or 12h, not a number")]
    [InlineData("count(\"a\", \"7d\")", 12, "the second argument of count must be a duration such as 7d or 12h, not a string")]
    [InlineData("count(\"a\", profile.w)", 12, "the second argument of count must be a duration such as 7d or 12h; for a number of days from data write e.g. profile.window_days * 1d")]
    [InlineData("step(\"a\")", 1, "step(\"a\") must be followed by .sent, .opened, .clicked or .delivered")]
    [InlineData("step(\"a\") == true", 1, "step(\"a\") must be followed by .sent, .opened, .clicked or .delivered")]
    [InlineData("step(\"a\").foo", 11, "step(\"a\") must be followed by .sent, .opened, .clicked or .delivered, not .foo")]
    [InlineData("since(5)", 7, "since needs a time, such as since(profile.last_seen), not a number")]
    [InlineData("since(\"abc\")", 7, "since needs a time, such as since(profile.last_seen), not a string" + DateHint)]
    [InlineData("lower(5)", 7, "lower needs a string, not a number")]
    [InlineData("contains(1, \"a\")", 10, "contains needs strings, as in contains(profile.email, \"@example.com\"); its first argument is a number")]
    [InlineData("contains(\"a\", 1d)", 15, "contains needs strings, as in contains(profile.email, \"@example.com\"); its second argument is a duration")]
    public void Function_arguments(string source, int column, string message) => AssertError(source, column, message);

    [Theory]
    [InlineData("\"a\" + 1", 5, "'+' cannot be applied to a string and a number; it takes numbers, time + duration or duration + duration")]
    [InlineData("\"a\" + \"b\"", 5, "'+' cannot be applied to a string and a string; it takes numbers, time + duration or duration + duration")]
    [InlineData("3d + 4", 4, "'+' cannot be applied to a duration and a number; it takes numbers, time + duration or duration + duration")]
    [InlineData("now + now", 5, "'+' cannot be applied to a time and a time; it takes numbers, time + duration or duration + duration")]
    [InlineData("now + \"abc\"", 5, "'+' cannot be applied to a time and a string; it takes numbers, time + duration or duration + duration" + DateHint)]
    [InlineData("profile.x + true", 11, "'+' cannot be applied to a true/false value; it takes numbers, time + duration or duration + duration")]
    [InlineData("null + true", 6, "'+' cannot be applied to null and a true/false value; it takes numbers, time + duration or duration + duration")]
    [InlineData("event + 1", 7, "'+' cannot be applied to a map and a number; it takes numbers, time + duration or duration + duration")]
    [InlineData("1d - now", 4, "'-' cannot be applied to a duration and a time; it takes numbers, time - duration, time - time or duration - duration")]
    [InlineData("\"2026-01-01\" - \"2026-01-02\"", 14, "'-' cannot be applied to a string and a string; it takes numbers, time - duration, time - time or duration - duration")]
    [InlineData("true * 2", 6, "'*' cannot be applied to a true/false value and a number; it takes numbers or number * duration")]
    [InlineData("now * 2", 5, "'*' cannot be applied to a time and a number; it takes numbers or number * duration")]
    [InlineData("1d * 1d", 4, "'*' cannot be applied to a duration and a duration; it takes numbers or number * duration")]
    [InlineData("1d / 1d", 4, "'/' cannot be applied to a duration and a duration; it takes numbers or duration / number")]
    [InlineData("2 / 1d", 3, "'/' cannot be applied to a number and a duration; it takes numbers or duration / number")]
    [InlineData("[1] + [2]", 5, "'+' cannot be applied to a list and a list; it takes numbers, time + duration or duration + duration")]
    [InlineData("-\"a\"", 1, "'-' negates numbers and durations, not a string")]
    [InlineData("-now", 1, "'-' negates numbers and durations, not a time")]
    public void Arithmetic_types(string source, int column, string message) => AssertError(source, column, message);

    [Theory]
    [InlineData("5 < \"x\"", 3, "'<' cannot order a number with a string; it orders two numbers, strings, times or durations")]
    [InlineData("true < false", 6, "'<' cannot order a true/false value with a true/false value; it orders two numbers, strings, times or durations")]
    [InlineData("now >= 1d", 5, "'>=' cannot order a time with a duration; it orders two numbers, strings, times or durations")]
    [InlineData("now < \"abc\"", 5, "'<' cannot order a time with a string; it orders two numbers, strings, times or durations" + DateHint)]
    [InlineData("[1] <= [2]", 5, "'<=' cannot order a list with a list; it orders two numbers, strings, times or durations")]
    [InlineData("profile.x > true", 11, "'>' cannot order a true/false value; it orders two numbers, strings, times or durations")]
    [InlineData("1 == \"1\"", 3, "'==' compares a number with a string, which can never be equal; compare values of the same type")]
    [InlineData("true != 1", 6, "'!=' compares a true/false value with a number, which can never be equal; compare values of the same type")]
    [InlineData("now == 1d", 5, "'==' compares a time with a duration, which can never be equal; compare values of the same type")]
    [InlineData("now == \"soon\"", 5, "'==' compares a time with a string, which can never be equal; compare values of the same type" + DateHint)]
    public void Comparison_types(string source, int column, string message) => AssertError(source, column, message);

    [Theory]
    [InlineData("! \"x\"", 1, "'!' needs a true/false value, but gets a string")]
    [InlineData("!5", 1, "'!' needs a true/false value, but gets a number")]
    [InlineData("1 && true", 3, "'&&' needs true/false values, but its left side is a number")]
    [InlineData("true || \"a\"", 6, "'||' needs true/false values, but its right side is a string")]
    [InlineData("now && 1d", 5, "'&&' needs true/false values, but its left side is a time")]
    public void Logic_types(string source, int column, string message)
    {
        var error = Eval.Errors(source)[0];
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("1 in 5", 3, "'in' needs a list, a string or a map on its right, but gets a number")]
    [InlineData("1 in true", 3, "'in' needs a list, a string or a map on its right, but gets a true/false value")]
    [InlineData("1 in \"abc\"", 3, "'in' with a string on its right looks for a substring, so its left side must be a string, not a number")]
    [InlineData("1 in event", 3, "'in' with a map on its right looks for a key, so its left side must be a string, not a number")]
    [InlineData("now.x", 5, "'.x' reads a member of a map (such as profile.address.city), but this is a time")]
    [InlineData("count(\"a\", 7d).x", 16, "'.x' reads a member of a map (such as profile.address.city), but this is a number")]
    [InlineData("\"s\".length", 5, "'.length' reads a member of a map (such as profile.address.city), but this is a string")]
    public void Membership_and_member_types(string source, int column, string message) => AssertError(source, column, message);

    [Fact]
    public void All_type_errors_are_reported_in_column_order()
    {
        var errors = Eval.Errors("foo + bar || \"a\" + 1");
        Assert.Equal([1, 7, 18], errors.Select(e => e.Column));
        Assert.Equal("unknown name 'bar'; " + Roots, errors[1].Message);
    }

    [Theory]
    [InlineData("profile.a + 1")]
    [InlineData("profile.a < \"x\"")]
    [InlineData("profile.a == 1")]
    [InlineData("event.x * 1d")]
    [InlineData("!profile.flag")]
    [InlineData("profile.a && event.b")]
    [InlineData("profile.a in profile.b")]
    [InlineData("profile.when + 1d")]
    [InlineData("since(profile.last_seen) > 14d")]
    [InlineData("lower(profile.a) == lower(event.b)")]
    [InlineData("journey.key == event.order_id")]
    [InlineData("journey.event.x > 3")]
    [InlineData("last(\"x\").a.b.c")]
    [InlineData("\"2026-04-10\" + 1d")]
    [InlineData("now < \"2026-04-10T09:00:00Z\"")]
    [InlineData("since(\"2026-04-10\")")]
    [InlineData("\"2026-04-10\" < \"2026-05-01\"")]
    [InlineData("null == 1")]
    [InlineData("null + 1")]
    [InlineData("null < 1")]
    [InlineData("count(\"a\", profile.days * 1d) > 0")]
    [InlineData("count(\"a\", since(profile.t)) > 0")]
    [InlineData("lower(profile.a) + 1d")]
    public void Dynamically_typed_paths_and_date_strings_pass(string source) =>
        Assert.True(Trellis.Core.Expressions.ExpressionParser.TryParse(source, out _, out var errors), string.Join("; ", errors));

    private static void AssertError(string source, int column, string message)
    {
        var error = Eval.Error(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
    }
}
