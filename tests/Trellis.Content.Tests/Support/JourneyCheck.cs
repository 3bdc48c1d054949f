namespace Trellis.Content.Tests.Support;

/// <summary>
/// Validates one journey file written into a temp content folder (journeys/ + templates/), the way
/// <c>trellis validate journeys/bad.journey.yaml</c> would, and returns the diagnostics relative to the folder.
/// </summary>
public static class JourneyCheck
{
    public const string File = "journeys/bad.journey.yaml";

    /// <summary>Templates the journeys under test can use: welcome (email, push), reminder (sms), note (task).</summary>
    public static TempContent WithTemplates() => new TempContent()
        .Write("templates/welcome.template.yaml", """
            template: welcome
            email:
              subject: 'Hi'
              text: 'Hello'
            push:
              body: 'Hello'
            """)
        .Write("templates/reminder.template.yaml", """
            template: reminder
            sms:
              body: 'Reminder'
            """)
        .Write("templates/note.template.yaml", """
            template: note
            task:
              title: 'Call'
            """);

    public static string[] Diagnostics(string journeyYaml)
    {
        using var content = WithTemplates().Write(File, journeyYaml);
        return content.Diagnostics(File);
    }

    /// <summary>A journey with the given steps (indented as list items under steps:); the steps start on line 5.</summary>
    public static string WithSteps(string steps) =>
        "journey: bad\nentry:\n  event: signed_up\nsteps:\n" + steps;
}
