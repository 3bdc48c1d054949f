using Trellis.Core.Journeys;

namespace Trellis.Content.Templates;

/// <summary>
/// The parts each channel section may have (SPEC §2), and which are required. Email needs a subject and at
/// least one body (html or text); every other channel needs the part that carries its message.
/// </summary>
internal static class TemplateSections
{
    public static IReadOnlyList<string> Parts(Channel channel) => channel switch
    {
        Channel.Email => ["subject", "html", "text"],
        Channel.Sms => ["body"],
        Channel.Push => ["title", "body"],
        Channel.InApp => ["title", "body"],
        Channel.Webhook => ["url", "body"],
        Channel.Task => ["title", "body"],
        _ => ["body"],
    };

    /// <summary>Parts without which the channel has nothing to deliver.</summary>
    public static IReadOnlyList<string> Required(Channel channel) => channel switch
    {
        Channel.Email => ["subject"],
        Channel.Webhook => ["url"],
        Channel.Task => ["title"],
        _ => ["body"],
    };
}
