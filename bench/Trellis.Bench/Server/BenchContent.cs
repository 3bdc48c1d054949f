namespace Trellis.Bench.Server;

/// <summary>
/// The content the server harnesses run: <c>signup</c> sends one in-app message at once (every accepted event
/// becomes exactly one outbox row, so rows can be matched to events by person); <c>timer_start</c> waits an
/// hour, then sends (the timers harness seeds people already inside that wait).
/// </summary>
internal static class BenchContent
{
    public const string TimerJourney = "bench-timer";

    public const string TimerEvent = "timer_start";

    /// <summary>Length of the timer journey's wait; seeded people entered this long before their due time.</summary>
    public static readonly TimeSpan TimerWait = TimeSpan.FromHours(1);

    private const string Signup = """
        journey: bench-signup
        priority: 50
        topic: updates
        entry:
          event: signup
        steps:
          - id: hello
            send: {channel: in_app, template: note}
        """;

    private const string Timer = """
        journey: bench-timer
        priority: 40
        topic: updates
        entry:
          event: timer_start
        steps:
          - id: pause
            wait: 1h
          - id: reminder
            send: {channel: in_app, template: note}
        """;

    private const string Template = """
        template: note
        in_app:
          title: 'Hello {{default profile.name "there"}}'
          body: 'A note for you.'
        """;

    /// <summary>Writes journeys/ and templates/ under <paramref name="folder"/> and returns the content path.</summary>
    public static string Write(string folder)
    {
        var content = Path.Combine(folder, "content");
        Directory.CreateDirectory(Path.Combine(content, "journeys"));
        Directory.CreateDirectory(Path.Combine(content, "templates"));
        File.WriteAllText(Path.Combine(content, "journeys", "bench-signup.journey.yaml"), Signup);
        File.WriteAllText(Path.Combine(content, "journeys", "bench-timer.journey.yaml"), Timer);
        File.WriteAllText(Path.Combine(content, "templates", "note.template.yaml"), Template);
        return content;
    }
}
