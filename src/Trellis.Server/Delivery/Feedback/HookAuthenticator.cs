using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trellis.Channels.Configuration;
using Trellis.Channels.Feedback;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>Decides whether a provider post is genuine (see <see cref="HookOptions"/> for the rules per provider).</summary>
public sealed class HookAuthenticator(HookOptions options, ChannelsOptions channels, PublicBaseUrl publicUrl, SnsMessageVerifier sns)
{
    /// <summary>Null when the post is authentic; otherwise why it is refused, with the status to answer.</summary>
    public async Task<HookRefusal?> RefuseAsync(
        string provider, HttpRequest request, string body, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (provider)
        {
            case "twilio":
                if (string.IsNullOrEmpty(channels.Sms.AuthToken))
                {
                    return Forbidden("Twilio posts are verified with Trellis:Sms:AuthToken, which is not configured");
                }

                // Twilio signs the URL it called: ours as the public sees it, with the query string.
                var url = publicUrl.Of(request.PathBase + request.Path + request.QueryString);
                return TwilioSignature.IsValid(channels.Sms.AuthToken, url, form, request.Headers[TwilioSignature.Header].ToString())
                    ? null
                    : Forbidden("the X-Twilio-Signature does not match");
            case "sendgrid" when !string.IsNullOrWhiteSpace(options.SendGridVerificationKey):
                return SendGridSignature.IsValid(options.SendGridVerificationKey, request.Headers[SendGridSignature.TimestampHeader].ToString(), body,
                    request.Headers[SendGridSignature.SignatureHeader].ToString())
                    ? null
                    : Forbidden("the SendGrid event webhook signature does not match");
            case "ses" when options.Sns.VerifySignatures:
                return await RefuseSesAsync(request, body, cancellationToken);
            default:
                return string.IsNullOrEmpty(options.Secret)
                    ? Forbidden("this provider's posts are authenticated with Trellis:Hooks:Secret, which is not configured")
                    : WithoutSecret(request);
        }
    }

    /// <summary>
    /// A valid SNS signature proves that SNS sent the message, but not that it came from our topic: anyone can
    /// subscribe our URL to a topic of their own. So the topic must be one we listed, or the post must carry the
    /// secret that only our subscription's URL has (both, when both are configured).
    /// </summary>
    private async Task<HookRefusal?> RefuseSesAsync(HttpRequest request, string body, CancellationToken cancellationToken)
    {
        var hasSecret = !string.IsNullOrEmpty(options.Secret);
        if (!hasSecret && options.Sns.TopicArns.Length == 0)
        {
            return Forbidden("SES posts are verified by their SNS signature and need Trellis:Hooks:Sns:TopicArns or Trellis:Hooks:Secret to tell our topic from anyone else's; neither is configured");
        }

        if (hasSecret && WithoutSecret(request) is { } noSecret)
        {
            return noSecret;
        }

        return await sns.RefuseAsync(body, cancellationToken);
    }

    private HookRefusal? WithoutSecret(HttpRequest request)
    {
        var presented = request.Query["key"].ToString();
        if (presented.Length == 0 && BasicPassword(request) is { } password)
        {
            presented = password;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.Secret!))
            ? null
            : Forbidden("the hook secret is missing or wrong");
    }

    private static HookRefusal Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason);

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
