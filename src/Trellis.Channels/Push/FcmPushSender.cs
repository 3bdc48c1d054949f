using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Channels.Http;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Push;

/// <summary>
/// Push through an FCM-style HTTP v1 API: POST {BaseUrl}/v1/projects/{project}/messages:send with
/// {"message": {"token", "notification": {"title", "body"}, "data"}} and a bearer token.
/// </summary>
public sealed class FcmPushSender(PushOptions options, HttpClient client, IAccessTokenSource tokens, TimeProvider time) : IChannelSender
{
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Push)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the push sender cannot send {message.Channel.Name()}");
        }

        if (string.IsNullOrWhiteSpace(message.Address))
        {
            return new DeliveryFailed(FailureReason.InvalidAddress, "a push needs a device token");
        }

        var title = message.Part(MessageParts.Title);
        var body = message.Part(MessageParts.Body);
        if (title is null && body is null)
        {
            return new DeliveryFailed(FailureReason.InvalidContent, "a push needs a title or a body");
        }

        var token = await tokens.GetTokenAsync(ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(options.ProjectId) || string.IsNullOrEmpty(token))
        {
            return new DeliveryFailed(FailureReason.Misconfigured, "Push:ProjectId and an access token are required");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, SendUrl())
        {
            Content = new StringContent(Payload(message.Address, title, body, message.Metadata), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        return await HttpDelivery.SendAsync(client, request, time, ReadName, RefineFailure, ct).ConfigureAwait(false);
    }

    private Uri SendUrl() =>
        new($"{options.BaseUrl.TrimEnd('/')}/v1/projects/{Uri.EscapeDataString(options.ProjectId)}/messages:send");

    internal static string Payload(string token, string? title, string? body, IReadOnlyDictionary<string, string> data)
    {
        var notification = new JsonObject();
        if (title is not null)
        {
            notification["title"] = title;
        }

        if (body is not null)
        {
            notification["body"] = body;
        }

        var inner = new JsonObject { ["token"] = token, ["notification"] = notification };
        if (data.Count > 0)
        {
            // FCM data values must be strings, which ours already are.
            var dataObject = new JsonObject();
            foreach (var (key, value) in data)
            {
                dataObject[key] = value;
            }

            inner["data"] = dataObject;
        }

        return new JsonObject { ["message"] = inner }.ToJsonString();
    }

    private static DeliveryResult ReadName(HttpResponseMessage response, string body) =>
        JsonFields.String(body, "name") is { } name
            ? new Delivered(name)
            : new DeliveryFailed(FailureReason.Unexpected, $"HTTP {(int)response.StatusCode} without a message name: {HttpFailures.Shorten(body)}");

    /// <summary>FCM's error codes (error.details[].errorCode) say more than the HTTP status.</summary>
    private static DeliveryFailed? RefineFailure(HttpResponseMessage response, string body)
    {
        var code = FcmErrorCode(body);
        var status = (int)response.StatusCode;
        var detail = $"HTTP {status}, FCM {code}: {HttpFailures.Shorten(body)}";
        return code switch
        {
            // The token is gone or belongs to another app: this address will never work again.
            "UNREGISTERED" or "SENDER_ID_MISMATCH" => new DeliveryFailed(FailureReason.InvalidAddress, detail, ProviderStatus: status),
            "THIRD_PARTY_AUTH_ERROR" => new DeliveryFailed(FailureReason.Misconfigured, detail, ProviderStatus: status),
            _ => null,
        };
    }

    private static string? FcmErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error)
                || !error.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var detail in details.EnumerateArray())
            {
                if (detail.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String)
                {
                    return code.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
