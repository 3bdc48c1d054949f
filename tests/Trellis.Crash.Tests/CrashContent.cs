namespace Trellis.Crash.Tests;

/// <summary>
/// A journey with a send at entry and a second send after a short wait, so that both events and timers are in
/// flight when the server is killed.
/// </summary>
internal static class CrashContent
{
    public const string Journey = """
        journey: crash-drip
        priority: 50
        topic: updates
        entry:
          event: signup
        steps:
          - id: first
            send: {channel: in_app, template: note}
          - id: pause
            wait: 4s
          - id: second
            send: {channel: in_app, template: note}
        """;

    public const string Template = """
        template: note
        in_app:
          title: 'Hello {{default profile.name "there"}}'
          body: 'A note for you.'
        """;

    public static string Write(string folder)
    {
        var content = Path.Combine(folder, "content");
        Directory.CreateDirectory(Path.Combine(content, "journeys"));
        Directory.CreateDirectory(Path.Combine(content, "templates"));
        File.WriteAllText(Path.Combine(content, "journeys", "crash-drip.journey.yaml"), Journey);
        File.WriteAllText(Path.Combine(content, "templates", "note.template.yaml"), Template);
        return content;
    }
}
