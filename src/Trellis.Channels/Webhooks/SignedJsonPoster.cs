using System.Text;
using Trellis.Channels.Http;
using Trellis.Channels.Network;

namespace Trellis.Channels.Webhooks;

/// <summary>
/// POSTs a JSON body to a URL that may come from a template: checks the target against the network
/// policy first (no traffic to a refused address), pins the connection to the checked addresses,
/// signs the body and passes the idempotency key. Shared by webhook and task sends.
/// </summary>
public sealed class SignedJsonPoster(WebhookOptions options, NetworkTargetGuard guard, HttpClient client, TimeProvider time)
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Type", "Content-Length", "Transfer-Encoding", "Connection", "Authorization",
        WebhookSignature.SignatureHeader, WebhookSignature.TimestampHeader, WebhookSignature.IdempotencyHeader,
    };

    /// <summary>An HTTP client whose connections go only where <paramref name="guard"/> allows.</summary>
    public static HttpClient CreateGuardedClient(NetworkTargetGuard guard, ITcpConnector? connector = null) =>
        new(GuardedHttpHandler.Create(guard, connector)) { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<DeliveryResult> PostAsync(
        string? url, string body, IdempotencyKey key, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var target)
            || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            return new DeliveryFailed(FailureReason.InvalidContent, $"'{url}' is not an http(s) URL");
        }

        if (options.RequireHttps && target.Scheme != Uri.UriSchemeHttps)
        {
            return new DeliveryFailed(FailureReason.RefusedTarget, $"'{target}' is not https");
        }

        if (!string.IsNullOrEmpty(target.UserInfo))
        {
            return new DeliveryFailed(FailureReason.InvalidContent, "credentials in webhook URLs are not sent");
        }

        var check = await guard.CheckAsync(target.IdnHost, ct).ConfigureAwait(false);
        if (!check.IsAllowed)
        {
            return new DeliveryFailed(check.ResolutionFailed ? FailureReason.ConnectionFailed : FailureReason.RefusedTarget, check.RefusalReason!);
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Options.Set(GuardedHttpHandler.CheckedAddressesKey, check.Addresses);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(options.SigningSecret, timestamp, body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdempotencyHeader, key.Value);
        foreach (var (name, value) in headers)
        {
            // A line break would be header injection; HttpClient would also refuse it at send time,
            // which would look like a transport failure.
            if (!ReservedHeaders.Contains(name) && !value.AsSpan().ContainsAny('\r', '\n'))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var deliveredId = $"webhook:{StableIds.From(key)}";
        return await HttpDelivery.SendAsync(client, request, time, (_, _) => new Delivered(deliveredId), null, ct).ConfigureAwait(false);
    }
}
