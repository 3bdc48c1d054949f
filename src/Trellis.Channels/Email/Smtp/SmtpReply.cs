namespace Trellis.Channels.Email.Smtp;

/// <summary>One SMTP reply: the three-digit code and the text of its lines (joined by newlines).</summary>
internal readonly record struct SmtpReply(int Code, string Text)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public override string ToString() => $"{Code} {Text}";
}
