namespace Trellis.Channels.Push;

/// <summary>Configuration section <c>Trellis:Push</c>: an FCM-style HTTP v1 API.</summary>
public sealed class PushOptions
{
    /// <summary>The API root; FCM's is https://fcm.googleapis.com.</summary>
    public string BaseUrl { get; set; } = "https://fcm.googleapis.com";

    public string ProjectId { get; set; } = "";

    /// <summary>A fixed bearer token (tests, proxies). Real FCM needs short-lived OAuth tokens: supply an <see cref="IAccessTokenSource"/>.</summary>
    public string? AccessToken { get; set; }
}
