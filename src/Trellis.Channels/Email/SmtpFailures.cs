using System.Net.Sockets;
using System.Security.Authentication;
using Trellis.Channels.Email.Smtp;

namespace Trellis.Channels.Email;

/// <summary>
/// Maps SMTP failures to <see cref="DeliveryFailed"/>: 4xx replies are transient, 5xx permanent (RFC 5321
/// §4.2.1) — a refused recipient is an invalid address, other refusals a rejection; transport problems are
/// transient; TLS and authentication problems are configuration.
/// </summary>
public static class SmtpFailures
{
    public static DeliveryFailed From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is SmtpReplyException refused)
        {
            return FromReply(refused.Stage, refused.Reply);
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException tls:
                    return new DeliveryFailed(FailureReason.Misconfigured, $"TLS failed: {tls.Message}");
                case SocketException socket:
                    return new DeliveryFailed(FailureReason.ConnectionFailed, $"{socket.SocketErrorCode}: {socket.Message}");
                case OperationCanceledException:
                    return new DeliveryFailed(FailureReason.ConnectionFailed, "the SMTP server did not answer in time");
            }
        }

        return exception is IOException io
            ? new DeliveryFailed(FailureReason.ConnectionFailed, io.Message)
            : new DeliveryFailed(FailureReason.Unexpected, $"{exception.GetType().Name}: {exception.Message}");
    }

    private static DeliveryFailed FromReply(SmtpStage stage, SmtpReply reply)
    {
        var code = reply.Code;
        var reason = (stage, code) switch
        {
            (SmtpStage.StartTls or SmtpStage.Authentication, >= 500) => FailureReason.Misconfigured,
            (_, 530 or 535 or 538) => FailureReason.Misconfigured, // authentication or encryption required / refused
            (_, >= 400 and < 500) => FailureReason.ProviderUnavailable,
            (SmtpStage.RecipientTo, >= 500) => FailureReason.InvalidAddress,
            _ => FailureReason.Rejected,
        };
        return new DeliveryFailed(reason, $"SMTP {code} at {Describe(stage)}: {reply.Text.Replace('\n', ' ')}", ProviderStatus: code);
    }

    private static string Describe(SmtpStage stage) => stage switch
    {
        SmtpStage.RecipientTo => "RCPT TO",
        SmtpStage.MailFrom => "MAIL FROM",
        SmtpStage.StartTls => "STARTTLS",
        SmtpStage.Authentication => "AUTH",
        SmtpStage.Message => "end of data",
        _ => stage.ToString().ToUpperInvariant(),
    };
}
