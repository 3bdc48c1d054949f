namespace Trellis.Channels.Email.Smtp;

/// <summary>The server answered a command with a negative reply (4xx transient, 5xx permanent).</summary>
internal sealed class SmtpReplyException(SmtpStage stage, SmtpReply reply)
    : Exception($"SMTP {reply.Code} at {stage}: {reply.Text}")
{
    public SmtpStage Stage { get; } = stage;

    public SmtpReply Reply { get; } = reply;
}
