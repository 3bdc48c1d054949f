using Trellis.Content.Tests.Support;

namespace Trellis.Content.Tests;

/// <summary>Each step: id, kind, and the shape of every kind. Steps start on line 5 of the file.</summary>
public class StepTests
{
    private static string[] Check(string steps) => JourneyCheck.Diagnostics(JourneyCheck.WithSteps(steps));

    [Fact]
    public void Step_without_id()
    {
        Assert.Equal(["journeys/bad.journey.yaml:5: a step needs 'id'"],
            Check("  - send: {channel: email, template: welcome}\n"));
    }

    [Fact]
    public void Duplicate_step_id()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: duplicate step id 'hello' (first at line 5)"],
            Check("  - id: hello\n    wait: 1d\n  - id: hello\n    send: {channel: email, template: welcome}\n"));
    }

    [Fact]
    public void Step_with_no_kind()
    {
        Assert.Equal(["journeys/bad.journey.yaml:5: step 'hello' has no kind; use one of: send, wait, wait_for, branch, split, update, exit"],
            Check("  - id: hello\n"));
    }

    [Fact]
    public void Step_with_several_kinds()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: step 'hello' has several kinds (send, wait); a step does exactly one thing"],
            Check("  - id: hello\n    send: {channel: email, template: welcome}\n    wait: 1d\n"));
    }

    [Fact]
    public void Unknown_step_kind_with_a_near_miss()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: unknown step kind 'sned'; did you mean 'send'? kinds are: send, wait, wait_for, branch, split, update, exit"],
            Check("  - id: hello\n    sned: {channel: email, template: welcome}\n"));
    }

    [Fact]
    public void Unknown_step_kind()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: unknown step kind 'email'; kinds are: send, wait, wait_for, branch, split, update, exit"],
            Check("  - id: hello\n    email: welcome\n"));
    }

    [Fact]
    public void Unknown_field_in_a_step()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: unknown field 'nxt' in step 'hello'; did you mean 'next'?"],
            Check("  - id: hello\n    send: {channel: email, template: welcome}\n    nxt: bye\n  - id: bye\n    exit: done\n"));
    }

    [Fact]
    public void Unknown_channel()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: unknown channel 'mail'; did you mean 'email'? channels are: email, sms, push, in_app, webhook, direct_mail, task"],
            Check("  - id: hello\n    send: {channel: mail, template: welcome}\n"));
    }

    [Fact]
    public void Unknown_channel_in_a_fallback_list()
    {
        Assert.Equal(["journeys/bad.journey.yaml:9: unknown channel 'fax'; channels are: email, sms, push, in_app, webhook, direct_mail, task"],
            Check("  - id: hello\n    send:\n      channel:\n        - email\n        - fax\n      template: welcome\n"));
    }

    [Fact]
    public void Send_needs_channel_and_template()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: send needs 'template'"],
            Check("  - id: hello\n    send: {channel: email}\n"));
    }

    [Fact]
    public void Missing_template()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: no template 'welcom'; did you mean 'welcome'?"],
            Check("  - id: hello\n    send: {channel: email, template: welcom}\n"));
    }

    [Fact]
    public void Template_without_a_section_for_the_channel()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: template 'welcome' has no sms section"],
            Check("  - id: hello\n    send: {channel: [push, sms], template: welcome}\n"));
    }

    [Fact]
    public void Bad_wait_duration()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: wait: '3x' has an unknown unit 'x'; units are w, d, h, m, s"],
            Check("  - id: pause\n    wait: 3x\n"));
    }

    [Fact]
    public void Negative_wait()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: wait: must not be negative, not '-1d'"],
            Check("  - id: pause\n    wait: -1d\n"));
    }

    [Fact]
    public void Bad_time_of_day()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: until: '24:30' is not a time of day; write HH:mm in 24-hour time, e.g. \"09:00\""],
            Check("  - id: pause\n    wait: {until: \"24:30\"}\n"));
    }

    [Fact]
    public void Wait_until_must_give_a_time()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: until: expression error at column 1: this must give a time (e.g. journey.entered_at + 10d), but it gives a duration"],
            Check("  - id: pause\n    wait: {until: '10d'}\n"));
    }

    [Fact]
    public void Wait_for_needs_event_and_timeout()
    {
        Assert.Equal(
        [
            "journeys/bad.journey.yaml:6: wait_for needs 'event'",
            "journeys/bad.journey.yaml:6: wait_for needs 'timeout'",
        ], Check("  - id: listen\n    wait_for: {when: 'event.ok == true'}\n"));
    }

    [Fact]
    public void Wait_for_timeout_must_be_positive()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: timeout: must be more than zero, not '0h'"],
            Check("  - id: listen\n    wait_for: {event: clicked, timeout: 0h}\n"));
    }

    [Fact]
    public void On_event_outside_wait_for()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: 'on_event' only applies to wait_for steps; step 'pause' is a wait step"],
            Check("  - id: pause\n    wait: 1d\n    on_event: pause\n"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("half")]
    public void Split_weights_must_be_positive_numbers(string weight)
    {
        Assert.Equal([$"journeys/bad.journey.yaml:7: split weight must be a positive number, not '{weight}'"],
            Check($"  - id: ab\n    split:\n      - {{name: a, weight: {weight}, goto: x}}\n      - {{name: b, weight: 50, goto: x}}\n  - id: x\n    exit: done\n"));
    }

    [Fact]
    public void Split_variant_names_are_unique()
    {
        Assert.Equal(["journeys/bad.journey.yaml:8: duplicate split variant 'a' (first at line 7)"],
            Check("  - id: ab\n    split:\n      - {name: a, weight: 1, goto: x}\n      - {name: a, weight: 1, goto: x}\n  - id: x\n    exit: done\n"));
    }

    [Fact]
    public void Only_the_last_branch_case_may_be_an_else()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: only the last case of a branch may leave out 'when' (it is the else case)"],
            Check("  - id: pick\n    branch:\n      - goto: x\n      - {when: 'profile.vip == true', goto: x}\n  - id: x\n    exit: done\n"));
    }

    [Fact]
    public void Branch_case_needs_goto()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: a branch case needs 'goto'"],
            Check("  - id: pick\n    branch:\n      - when: 'profile.vip == true'\n  - id: x\n    exit: done\n"));
    }

    [Theory]
    [InlineData("{completed: yes}", "'exit' must be text (e.g. exit: completed), not a mapping")]
    [InlineData("true", "'exit' must be text (e.g. exit: completed), not 'true'")]
    [InlineData("", "'exit' must be text (e.g. exit: completed), not empty")]
    public void Exit_reason_is_text(string reason, string message)
    {
        Assert.Equal([$"journeys/bad.journey.yaml:6: {message}"], Check($"  - id: done\n    exit: {reason}\n"));
    }

    [Fact]
    public void Update_needs_set_or_unset()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: update needs 'set', 'unset' or both"],
            Check("  - id: mark\n    update: {}\n"));
    }

    [Fact]
    public void Update_set_values_are_expressions()
    {
        Assert.Equal(["journeys/bad.journey.yaml:6: tier: expression error at column 1: unknown name 'vip'; expressions read profile., event., journey., now"],
            Check("  - id: mark\n    update: {set: {tier: vip}}\n"));
    }

    [Fact]
    public void Next_on_a_step_that_never_falls_through()
    {
        Assert.Equal(["journeys/bad.journey.yaml:7: step 'done' never goes on by itself (it is an exit), so 'next' would never be used"],
            Check("  - id: done\n    exit: completed\n    next: done\n"));
    }
}
