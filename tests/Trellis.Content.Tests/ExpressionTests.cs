using Trellis.Content.Tests.Support;

namespace Trellis.Content.Tests;

/// <summary>Expressions: parse and type errors with the column, the right line in block scalars, step("id").</summary>
public class ExpressionTests
{
    private static string[] Check(string steps) => JourneyCheck.Diagnostics(JourneyCheck.WithSteps(steps));

    [Fact]
    public void Unfinished_expression_reports_its_column()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: when: expression error at column 13: expected a value but found the end of the expression"],
            Check("  - id: pick\n    branch:\n      - {when: 'profile.x ==', goto: end}\n  - id: end\n    exit: completed\n"));
    }

    [Fact]
    public void Error_in_a_block_scalar_is_reported_on_its_own_line()
    {
        Assert.Equal(["journeys/bad.journey.yaml:9: when: expression error at column 13: expected a value but found the end of the expression"],
            Check("""
              - id: pick
                branch:
                  - when: |
                      profile.x == 1 &&
                      profile.y ==
                    goto: end
              - id: end
                exit: completed

            """));
    }

    [Fact]
    public void Error_in_a_folded_scalar_is_reported_on_its_own_line()
    {
        Assert.Equal(["journeys/bad.journey.yaml:9: when: expression error at column 19: unknown function 'perfomed'; functions are count, performed, last, since, exists, lower, contains, step, score"],
            Check("""
              - id: pick
                branch:
                  - when: >
                      profile.x == 1 &&
                      perfomed("a", 1d)
                    goto: end
              - id: end
                exit: completed

            """));
    }

    [Fact]
    public void Branch_condition_must_be_true_or_false()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: when: expression error at column 1: a condition must give true or false, but this gives a number"],
            Check("  - id: pick\n    branch:\n      - {when: 'count(\"x\", 1d) + 1', goto: end}\n  - id: end\n    exit: completed\n"));
    }

    [Fact]
    public void Step_call_must_name_a_send_step()
    {
        Assert.Equal(
        [
            "journeys/bad.journey.yaml:9: step(\"hello2\"): no send step 'hello2' in this journey; did you mean 'hello'? send steps are: hello",
            "journeys/bad.journey.yaml:11: step(\"pick\"): 'pick' is a branch step; step() reads the outcome of a send step",
        ], Check("""
              - id: hello
                send: {channel: email, template: welcome}
              - id: pick
                branch:
                  - when: 'step("hello2").opened'
                    goto: end
                  - when: 'step("pick").sent'
                    goto: end
              - id: end
                exit: completed

            """));
    }

    [Fact]
    public void Step_call_naming_a_send_step_is_fine()
    {
        Assert.Empty(Check("  - id: hello\n    send: {channel: email, template: welcome}\n  - id: pick\n    branch: [{when: 'step(\"hello\").opened', goto: pause}]\n  - id: pause\n    wait: 1d\n"));
    }

    [Fact]
    public void Expression_in_an_exit_rule_and_goal()
    {
        Assert.Equal(
        [
            "journeys/bad.journey.yaml:4: when: expression error at column 14: expected a value but found '&&'",
            "journeys/bad.journey.yaml:6: when: expression error at column 1: unknown name 'amount'; expressions read profile., event., journey., now",
        ], JourneyCheck.Diagnostics("""
            journey: bad
            entry: {event: a}
            exit:
              - when: 'profile.x && && true'
            goal:
              when: 'amount > 3'
            steps:
              - id: done
                exit: completed
            """));
    }
}
