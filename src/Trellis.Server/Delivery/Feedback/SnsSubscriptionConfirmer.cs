using Microsoft.Extensions.Logging;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Confirms an Amazon SNS subscription by visiting its SubscribeURL — only an https URL on an amazonaws.com host,
/// so a forged confirmation cannot make the server fetch arbitrary addresses.
/// </summary>
public sealed class SnsSubscriptionConfirmer(HookOptions options, ILogger<SnsSubscriptionConfirmer> logger)
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static bool IsSnsUrl(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps && url.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) && url.IsDefaultPort;

    public async Task ConfirmAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        if (!options.ConfirmSnsSubscriptions || !IsSnsUrl(subscribeUrl))
        {
            logger.LogWarning("SNS subscription confirmation not visited: {Url}", subscribeUrl);
            return;
        }

        try
        {
            using var response = await Client.GetAsync(subscribeUrl, cancellationToken);
            logger.LogInformation("SNS subscription confirmation: HTTP {Status}", (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "SNS subscription confirmation failed");
        }
    }
}
