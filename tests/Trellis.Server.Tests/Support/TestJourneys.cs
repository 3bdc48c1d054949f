namespace Trellis.Server.Tests;

/// <summary>Journey sources for upload tests, using templates of examples/templates.</summary>
internal static class TestJourneys
{
    public static string Valid(string id, string name = "Demo journey", int priority = 42) => $"""
        journey: {id}
        name: {name}
        priority: {priority}
        topic: onboarding
        entry:
          event: demo_started
        steps:
          - id: hello
            send: {"{"}channel: email, template: welcome-email{"}"}
          - id: pause
            wait: 1d
          - id: again
            send: {"{"}channel: email, template: pro-tips{"}"}
        """;

    public static string WithUnknownTemplate(string id) => $"""
        journey: {id}
        name: Broken
        entry:
          event: demo_started
        steps:
          - id: hello
            send: {"{"}channel: email, template: no-such-template{"}"}
        """;
}
