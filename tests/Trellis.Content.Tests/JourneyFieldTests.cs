using Trellis.Content.Tests.Support;

namespace Trellis.Content.Tests;

/// <summary>Top-level journey fields: id, priority, holdout, exit rules, goal.</summary>
public class JourneyFieldTests
{
    private const string Steps = """
        steps:
          - id: hello
            send: {channel: email, template: welcome}
        """;

    private static string[] Check(string head) => JourneyCheck.Diagnostics(head + "\n" + Steps);

    [Fact]
    public void Missing_journey_id()
    {
        Assert.Equal(["journeys/bad.journey.yaml:1: a journey file needs 'journey'"],
            Check("name: No id\nentry:\n  event: signed_up"));
    }

    [Fact]
    public void Journey_id_must_be_a_slug()
    {
        Assert.Equal(
            ["journeys/bad.journey.yaml:1: journey id 'Trial To Paid' is not a slug: use lowercase letters and digits, with single '-' or '_' between words (e.g. trial-to-paid)"],
            Check("journey: Trial To Paid\nentry:\n  event: signed_up"));
    }

    [Fact]
    public void Duplicate_journey_id_across_files()
    {
        using var content = JourneyCheck.WithTemplates()
            .Write("journeys/a.journey.yaml", "journey: same\nentry:\n  event: signed_up\n" + Steps)
            .Write("journeys/b.journey.yaml", "# the second one\njourney: same\nentry:\n  event: signed_up\n" + Steps);
        var set = content.Load("journeys");
        Assert.Equal(["journeys/b.journey.yaml:2: duplicate journey id 'same' (also in journeys/a.journey.yaml:1)"],
            content.Relative(set));
        Assert.Single(set.Journeys);
    }

    [Theory]
    [InlineData("101", "'priority' must be a whole number from 0 to 100, not '101'")]
    [InlineData("-1", "'priority' must be a whole number from 0 to 100, not '-1'")]
    [InlineData("4.5", "'priority' must be a whole number from 0 to 100, not '4.5'")]
    [InlineData("high", "'priority' must be a whole number from 0 to 100, not 'high'")]
    public void Priority_outside_0_to_100(string priority, string message)
    {
        Assert.Equal([$"journeys/bad.journey.yaml:2: {message}"],
            Check($"journey: bad\npriority: {priority}\nentry:\n  event: signed_up"));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("110%")]
    [InlineData("ten%")]
    [InlineData("-5%")]
    public void Holdout_must_be_a_percentage(string holdout)
    {
        Assert.Equal([$"journeys/bad.journey.yaml:2: holdout must be a percentage from 0% to 100% such as 10%, not '{holdout}'"],
            Check($"journey: bad\nholdout: {holdout}\nentry:\n  event: signed_up"));
    }

    [Fact]
    public void Holdout_percentages_are_read()
    {
        using var content = JourneyCheck.WithTemplates()
            .Write(JourneyCheck.File, "journey: bad\nholdout: 12.5%\nentry:\n  event: signed_up\n" + Steps);
        var set = content.Load(JourneyCheck.File);
        Assert.Empty(set.Diagnostics);
        Assert.Equal(12.5, set.Journeys[0].HoldoutPercent);
    }

    [Fact]
    public void Transactional_must_be_a_bool()
    {
        Assert.Equal(["journeys/bad.journey.yaml:2: 'transactional' must be true or false, not 'yes'"],
            Check("journey: bad\ntransactional: yes\nentry:\n  event: signed_up"));
    }

    [Fact]
    public void Exit_rule_needs_event_or_when()
    {
        Assert.Equal(["journeys/bad.journey.yaml:5: an exit rule needs 'event', 'when' or both"],
            Check("journey: bad\nentry:\n  event: signed_up\nexit:\n  - {}"));
    }

    [Fact]
    public void Exit_must_be_a_list()
    {
        Assert.Equal(["journeys/bad.journey.yaml:5: exit must be a list of rules, e.g. - event: order_completed"],
            Check("journey: bad\nentry:\n  event: signed_up\nexit:\n  event: order_completed"));
    }

    [Fact]
    public void Exit_rule_unknown_field()
    {
        Assert.Equal(["journeys/bad.journey.yaml:5: unknown field 'evnt' in exit rule; did you mean 'event'?",
                      "journeys/bad.journey.yaml:5: an exit rule needs 'event', 'when' or both"],
            Check("journey: bad\nentry:\n  event: signed_up\nexit:\n  - evnt: order_completed"));
    }

    [Fact]
    public void Goal_needs_event_or_when()
    {
        Assert.Equal(["journeys/bad.journey.yaml:5: goal needs 'event', 'when' or both"],
            Check("journey: bad\nentry:\n  event: signed_up\ngoal:\n  within: 7d"));
    }

    [Fact]
    public void Goal_within_must_be_a_positive_duration()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: within: '7 days' has an unknown unit ' '; units are w, d, h, m, s"],
            Check("journey: bad\nentry:\n  event: signed_up\ngoal:\n  event: purchased\n  within: 7 days"));
    }

    [Fact]
    public void Goal_must_be_a_mapping()
    {
        Assert.Equal(["journeys/bad.journey.yaml:4: goal must be a mapping, not text"],
            Check("journey: bad\nentry:\n  event: signed_up\ngoal: purchased"));
    }

    [Fact]
    public void Goal_value_must_give_a_number()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: value: expression error at column 1: this must give a number, but it gives text"],
            Check("journey: bad\nentry:\n  event: signed_up\ngoal:\n  event: purchased\n  value: '\"abc\"'"));
    }
}
