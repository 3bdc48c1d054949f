using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trellis.Channels.Configuration;
using Trellis.Channels.Feedback;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>Decides whether a provider post is genuine (see <see cref="HookOptions"/> for the rules per provider).</summary>
public sealed class HookAuthenticator(HookOptions options, ChannelsOptions channels, PublicBaseUrl publicUrl)
{
    /// <summary>Null when the post is authentic; otherwise why it is refused.</summary>
    public string? Refuse(string provider, HttpRequest request, string body, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (provider)
        {
            case "twilio":
                if (string.IsNullOrEmpty(channels.Sms.AuthToken))
                {
                    return "Twilio posts are verified with Trellis:Sms:AuthToken, which is not configured";
                }

                // Twilio signs the URL it called: ours as the public sees it, with the query string.
                var url = publicUrl.Of(request.PathBase + request.Path + request.QueryString);
                return TwilioSignature.IsValid(channels.Sms.AuthToken, url, form, request.Headers[TwilioSignature.Header].ToString())
                    ? null
                    : "the X-Twilio-Signature does not match";
            case "sendgrid" when !string.IsNullOrWhiteSpace(options.SendGridVerificationKey):
                return SendGridSignature.IsValid(options.SendGridVerificationKey, request.Headers[SendGridSignature.TimestampHeader].ToString(), body,
                    request.Headers[SendGridSignature.SignatureHeader].ToString())
                    ? null
                    : "the SendGrid event webhook signature does not match";
            default:
                return HasSecret(request);
        }
    }

    private string? HasSecret(HttpRequest request)
    {
        if (string.IsNullOrEmpty(options.Secret))
        {
            return "this provider's posts are authenticated with Trellis:Hooks:Secret, which is not configured";
        }

        var presented = request.Query["key"].ToString();
        if (presented.Length == 0 && BasicPassword(request) is { } password)
        {
            presented = password;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.Secret))
            ? null
            : "the hook secret is missing or wrong";
    }

    private static string? BasicPassword(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
