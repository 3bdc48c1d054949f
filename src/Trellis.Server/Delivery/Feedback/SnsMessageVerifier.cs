using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NodaTime;
using Trellis.Channels.Feedback;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Verifies that a post to <c>/hooks/ses</c> is a genuine Amazon SNS message, as AWS documents it: the SNS envelope
/// (Notification, SubscriptionConfirmation or UnsubscribeConfirmation) with every signed field; a topic from
/// <see cref="SnsOptions.TopicArns"/> when that is set; a Timestamp no older than <see cref="SnsOptions.MaxMessageAge"/>;
/// a SigningCertURL that <see cref="SnsCertificateOrigin"/> allows; a certificate within its validity dates; and the
/// SignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA) signature over the string to sign. The checks that need no
/// network come first, so a forged post never makes the server fetch anything it would not fetch for SNS.
/// </summary>
public sealed class SnsMessageVerifier(HookOptions options, SnsCertificateOrigin origin, ISnsCertificateSource certificates, IClock clock)
{
    /// <summary>Null when the body is a genuine SNS message; otherwise the refusal (403; 400 for a body that is not JSON; 503 when the certificate could not be fetched).</summary>
    public async Task<HookRefusal?> RefuseAsync(string body, CancellationToken cancellationToken)
    {
        SnsMessage? message;
        string? error;
        try
        {
            using var document = JsonDocument.Parse(body);
            message = SnsMessage.Read(document.RootElement, out error);
        }
        catch (JsonException e)
        {
            return new HookRefusal(StatusCodes.Status400BadRequest, $"not a ses feedback post: not JSON: {e.Message}");
        }

        if (message is null)
        {
            return Forbidden(error!);
        }

        if (SnsSignature.HashOf(message.SignatureVersion) is null)
        {
            return Forbidden($"unsupported SNS SignatureVersion '{message.SignatureVersion}' (1 or 2)");
        }

        var sns = options.Sns;
        if (sns.TopicArns.Length > 0 && !sns.TopicArns.Contains(message.TopicArn, StringComparer.Ordinal))
        {
            return Forbidden($"the SNS topic '{message.TopicArn}' is not one of Trellis:Hooks:Sns:TopicArns");
        }

        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        if (StaleOrEarly(message.Timestamp, now, sns) is { } timing)
        {
            return Forbidden(timing);
        }

        if (origin.Refuse(message.SigningCertUrl) is { } badOrigin)
        {
            return Forbidden(badOrigin);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = await certificates.GetAsync(new Uri(message.SigningCertUrl), cancellationToken);
        }
        catch (SnsCertificateUnavailableException e)
        {
            // Our side or the network, not the sender's fault: 503 makes SNS deliver the message again later.
            return new HookRefusal(StatusCodes.Status503ServiceUnavailable, $"could not fetch the SNS signing certificate: {e.Message}");
        }

        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (now < notBefore || now > notAfter)
        {
            return Forbidden(string.Create(CultureInfo.InvariantCulture,
                $"the SNS signing certificate is not valid now (valid {notBefore:yyyy-MM-ddTHH:mm:ssZ} to {notAfter:yyyy-MM-ddTHH:mm:ssZ})"));
        }

        return SnsSignature.IsValid(message, certificate)
            ? null
            : Forbidden("the SNS signature does not match the message");
    }

    private static string? StaleOrEarly(string timestamp, DateTimeOffset now, SnsOptions sns)
    {
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var published))
        {
            return $"the SNS Timestamp '{timestamp}' is not a time";
        }

        if (now - published > sns.MaxMessageAge)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the SNS message was published at {timestamp}, longer ago than Trellis:Hooks:Sns:MaxMessageAge ({sns.MaxMessageAge}); refused as a possible replay");
        }

        return published - now > sns.MaxClockSkew
            ? $"the SNS message's Timestamp {timestamp} is in the future"
            : null;
    }

    private static HookRefusal Forbidden(string reason) => new(StatusCodes.Status403Forbidden, reason);
}
