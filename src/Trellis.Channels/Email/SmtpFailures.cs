using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Trellis.Channels.Email;

/// <summary>
/// Maps System.Net.Mail exceptions to <see cref="DeliveryFailed"/>: SMTP 4xx replies are transient,
/// 5xx permanent (RFC 5321 §4.2.1); transport problems are transient, TLS and auth problems are
/// configuration.
/// </summary>
public static class SmtpFailures
{
    public static DeliveryFailed From(Exception exception)
    {
        if (exception is SmtpFailedRecipientException recipient)
        {
            return FromRecipient(recipient);
        }

        if (exception is SmtpException smtp && smtp.StatusCode != SmtpStatusCode.GeneralFailure)
        {
            return FromStatus(smtp.StatusCode, smtp.Message);
        }

        for (var e = exception.InnerException ?? exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException tls:
                    return new DeliveryFailed(FailureReason.Misconfigured, $"TLS failed: {tls.Message}");
                case SocketException socket:
                    return new DeliveryFailed(FailureReason.ConnectionFailed, $"{socket.SocketErrorCode}: {socket.Message}");
                case IOException io:
                    return new DeliveryFailed(FailureReason.ConnectionFailed, io.Message);
            }
        }

        return exception is SmtpException
            ? new DeliveryFailed(FailureReason.ConnectionFailed, exception.Message)
            : new DeliveryFailed(FailureReason.Unexpected, $"{exception.GetType().Name}: {exception.Message}");
    }

    private static DeliveryFailed FromRecipient(SmtpFailedRecipientException e)
    {
        var code = (int)e.StatusCode;
        var reason = code is >= 400 and < 500
            ? FailureReason.ProviderUnavailable
            : FailureReason.InvalidAddress;
        return new DeliveryFailed(reason, $"SMTP {code} for {e.FailedRecipient}: {e.Message}", ProviderStatus: code);
    }

    private static DeliveryFailed FromStatus(SmtpStatusCode status, string message)
    {
        var code = (int)status;
        var reason = status switch
        {
            SmtpStatusCode.MustIssueStartTlsFirst or SmtpStatusCode.ClientNotPermitted => FailureReason.Misconfigured,
            _ when code == 535 => FailureReason.Misconfigured, // authentication credentials invalid
            _ when code is >= 400 and < 500 => FailureReason.ProviderUnavailable,
            _ => FailureReason.Rejected,
        };
        return new DeliveryFailed(reason, $"SMTP {code}: {message}", ProviderStatus: code);
    }
}
