using Trellis.Content.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Content.Tests;

/// <summary>How steps connect: references, reachability, cycles without a wait, and the resolved indices.</summary>
public class StepFlowTests
{
    private static string[] Check(string steps) => JourneyCheck.Diagnostics(JourneyCheck.WithSteps(steps));

    [Theory]
    [InlineData("next: foo\n    wait: 1d")]
    [InlineData("branch: [{goto: foo}]")]
    [InlineData("split: [{name: a, weight: 1, goto: foo}]")]
    public void Missing_step_in_next_goto_and_split(string lines)
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: no step 'foo'; steps are: first, last"],
            Check($"  - id: first\n    {lines}\n  - id: last\n    exit: done\n"));
    }

    [Fact]
    public void Missing_step_in_on_event_and_on_timeout()
    {
        Assert.Equal(
        [
            "journeys/bad.journey.yaml:7: no step 'yes'; steps are: listen, done",
            "journeys/bad.journey.yaml:8: no step 'dne'; did you mean 'done'? steps are: listen, done",
        ], Check("  - id: listen\n    wait_for: {event: clicked, timeout: 1d}\n    on_event: yes\n    on_timeout: dne\n  - id: done\n    exit: completed\n"));
    }

    [Fact]
    public void Step_after_an_exit_is_unreachable()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: step 'orphan' is unreachable from the first step 'done'"],
            Check("  - id: done\n    exit: completed\n  - id: orphan\n    send: {channel: email, template: welcome}\n"));
    }

    [Fact]
    public void Step_after_a_split_and_an_else_branch_is_unreachable()
    {
        Assert.Equal(
        [
            "journeys/bad.journey.yaml:9: step 'orphan' is unreachable from the first step 'pick'",
        ], Check("""
              - id: pick
                branch:
                  - {when: 'profile.vip == true', goto: end}
                  - goto: end
              - id: orphan
                wait: 1d
              - id: end
                exit: completed

            """));
    }

    [Fact]
    public void Wait_for_with_both_targets_does_not_fall_through()
    {
        Assert.Equal(["journeys/bad.journey.yaml:9: step 'orphan' is unreachable from the first step 'listen'"],
            Check("  - id: listen\n    wait_for: {event: clicked, timeout: 1d}\n    on_event: done\n    on_timeout: done\n  - id: orphan\n    wait: 1d\n  - id: done\n    exit: completed\n"));
    }

    [Fact]
    public void A_jump_makes_a_step_reachable()
    {
        Assert.Empty(Check("  - id: first\n    next: third\n    wait: 1d\n  - id: second\n    exit: completed\n  - id: third\n    branch: [{when: 'profile.a == 1', goto: second}]\n"));
    }

    [Fact]
    public void Cycle_with_no_wait()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: cycle with no wait: ping -> pong -> ping; put a wait or wait_for in it"],
            Check("  - id: start\n    wait: 1d\n  - id: ping\n    send: {channel: email, template: welcome}\n  - id: pong\n    branch: [{when: 'profile.a == 1', goto: ping}]\n"));
    }

    [Fact]
    public void Step_that_jumps_to_itself_is_a_cycle()
    {
        Assert.Equal(["journeys/bad.journey.yaml:5: cycle with no wait: again -> again; put a wait or wait_for in it"],
            Check("  - id: again\n    next: again\n    send: {channel: email, template: welcome}\n"));
    }

    [Fact]
    public void Cycle_through_a_wait_is_fine()
    {
        Assert.Empty(Check("  - id: ping\n    send: {channel: email, template: welcome}\n  - id: pause\n    wait: 1d\n  - id: pong\n    branch: [{when: 'profile.a == 1', goto: ping}]\n"));
    }

    [Fact]
    public void Cycle_through_a_wait_for_is_fine()
    {
        Assert.Empty(Check("  - id: ping\n    send: {channel: email, template: welcome}\n  - id: listen\n    wait_for: {event: clicked, timeout: 1d}\n    on_event: ping\n"));
    }

    [Fact]
    public void Steps_are_resolved_to_indices()
    {
        using var content = JourneyCheck.WithTemplates().Write(JourneyCheck.File, JourneyCheck.WithSteps("""
              - id: hello
                send: {channel: email, template: welcome}
                next: listen
              - id: skipped
                exit: never
              - id: listen
                wait_for: {event: clicked, timeout: 2d}
                on_timeout: pick
              - id: pick
                branch:
                  - {when: 'profile.vip == true', goto: skipped}
              - id: ab
                split:
                  - {name: a, weight: 1, goto: listen}
                  - {name: b, weight: 3, goto: skipped}
            """));
        var set = content.Load(JourneyCheck.File);
        Assert.Empty(set.Diagnostics);
        var steps = set.Journeys[0].Steps;
        Assert.Equal([0, 1, 2, 3, 4], steps.Select(s => s.Index));
        Assert.Equal([2, 2, 3, 4, -1], steps.Select(s => s.Next));
        var listen = Assert.IsType<WaitForStep>(steps[2]);
        Assert.Equal(3, listen.OnEvent);
        Assert.Equal(3, listen.OnTimeout);
        Assert.Equal(1, Assert.IsType<BranchStep>(steps[3]).Cases[0].Goto);
        Assert.Equal([2, 1], Assert.IsType<SplitStep>(steps[4]).Variants.Select(v => v.Goto));
    }
}
