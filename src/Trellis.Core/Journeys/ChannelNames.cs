namespace Trellis.Core.Journeys;

/// <summary>Maps channels to and from the names used in journey files, templates, policies and traces.</summary>
public static class ChannelNames
{
    private static readonly string[] Names = ["email", "sms", "push", "in_app", "webhook", "direct_mail", "task"];

    public static IReadOnlyList<string> All => Names;

    public static string Name(this Channel channel) => Names[(int)channel];

    public static bool TryParse(string? name, out Channel channel)
    {
        var i = name is null ? -1 : Array.IndexOf(Names, name);
        channel = i < 0 ? default : (Channel)i;
        return i >= 0;
    }

    /// <summary>The profile trait that makes a person reachable on a channel; null where every person is reachable.</summary>
    public static string? AddressTrait(this Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Sms => "phone",
        Channel.Push => "push_token",
        Channel.DirectMail => "address",
        _ => null,
    };
}
