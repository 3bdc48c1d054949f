using System.Net;
using System.Net.Mail;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Email;

/// <summary>
/// Email over SMTP with System.Net.Mail. One client per send: SmtpClient allows only one send at a
/// time and keeps no useful connection pool, so sharing one would serialise every worker.
/// Timeouts come from the caller's token (see ResilientChannelSender), not SmtpClient.Timeout,
/// which only governs the synchronous Send.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IChannelSender
{
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Email)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the SMTP sender cannot send {message.Channel.Name()}");
        }

        var (mail, messageId, failure) = EmailMessageBuilder.Build(message, options);
        if (failure is not null)
        {
            return failure;
        }

        using (mail)
        using (var client = CreateClient())
        {
            try
            {
                await client.SendMailAsync(mail!, ct).ConfigureAwait(false);
                return new Delivered(messageId);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException)
            {
                return SmtpFailures.From(e);
            }
        }
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient(options.Host, options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = options.EnableSsl,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        return client;
    }
}
