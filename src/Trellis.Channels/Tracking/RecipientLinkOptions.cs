namespace Trellis.Channels.Tracking;

/// <summary>
/// Where recipient links point (<c>Trellis:Urls:Public</c>) and how long their tokens live. Links
/// expire — unlike some peers' — but long enough that an old email's unsubscribe link still works.
/// </summary>
public sealed class RecipientLinkOptions
{
    /// <summary>The server's public base URL, e.g. https://trellis.acme.example.</summary>
    public string PublicUrl { get; set; } = "";

    public TimeSpan UnsubscribeLifetime { get; set; } = TimeSpan.FromDays(365);

    public TimeSpan PreferencesLifetime { get; set; } = TimeSpan.FromDays(365);

    public TimeSpan OpenLifetime { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan ClickLifetime { get; set; } = TimeSpan.FromDays(365);
}
