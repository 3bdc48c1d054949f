using System.Net.Http.Headers;
using System.Text;
using Trellis.Channels.Http;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Sms;

/// <summary>
/// SMS through a Twilio-compatible Messages API:
/// POST {BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, Basic auth.
/// The idempotency key goes in I-Twilio-Idempotency-Token so a retried request is not a second SMS.
/// </summary>
public sealed class TwilioSmsSender(SmsOptions options, HttpClient client, TimeProvider time) : IChannelSender
{
    public const string IdempotencyHeader = "I-Twilio-Idempotency-Token";

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Sms)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the SMS sender cannot send {message.Channel.Name()}");
        }

        if (string.IsNullOrEmpty(options.AccountSid) || string.IsNullOrEmpty(options.AuthToken)
            || (string.IsNullOrEmpty(options.From) && string.IsNullOrEmpty(options.MessagingServiceSid)))
        {
            return new DeliveryFailed(FailureReason.Misconfigured, "Sms:AccountSid, Sms:AuthToken and Sms:From or Sms:MessagingServiceSid are required");
        }

        var to = PhoneNumbers.ToE164(message.Address);
        if (to is null)
        {
            return new DeliveryFailed(FailureReason.InvalidAddress, $"'{message.Address}' is not an E.164 phone number");
        }

        var body = message.Part(MessageParts.Body);
        if (body is null)
        {
            return new DeliveryFailed(FailureReason.InvalidContent, "an SMS needs a body");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl())
        {
            Content = new FormUrlEncodedContent(Form(to, body)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}")));
        request.Headers.TryAddWithoutValidation(IdempotencyHeader, StableIds.From(message.IdempotencyKey));

        return await HttpDelivery.SendAsync(client, request, time, ReadSid, RefineFailure, ct).ConfigureAwait(false);
    }

    private Uri MessagesUrl() =>
        new($"{options.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(options.AccountSid)}/Messages.json");

    private IEnumerable<KeyValuePair<string, string>> Form(string to, string body)
    {
        yield return new("To", to);
        if (!string.IsNullOrEmpty(options.MessagingServiceSid))
        {
            yield return new("MessagingServiceSid", options.MessagingServiceSid);
        }
        else
        {
            yield return new("From", options.From!);
        }

        yield return new("Body", body);
        if (!string.IsNullOrEmpty(options.StatusCallbackUrl))
        {
            yield return new("StatusCallback", options.StatusCallbackUrl);
        }
    }

    private static DeliveryResult ReadSid(HttpResponseMessage response, string body)
    {
        var sid = JsonFields.String(body, "sid");
        return sid is null
            ? new DeliveryFailed(FailureReason.Unexpected, $"HTTP {(int)response.StatusCode} without a message sid: {HttpFailures.Shorten(body)}")
            : new Delivered(sid);
    }

    /// <summary>Twilio error codes that mean "this number will never work", so the address can be suppressed.</summary>
    private static DeliveryFailed? RefineFailure(HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode != 400)
        {
            return null;
        }

        var code = JsonFields.Int(body, "code");
        var detail = $"HTTP 400, Twilio error {code}: {JsonFields.String(body, "message")}";
        return code switch
        {
            21211 or 21214 or 21217 or 21401 or 21612 or 21614 => new DeliveryFailed(FailureReason.InvalidAddress, detail, ProviderStatus: 400),
            _ => null,
        };
    }
}
