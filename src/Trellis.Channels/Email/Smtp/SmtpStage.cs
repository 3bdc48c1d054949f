namespace Trellis.Channels.Email.Smtp;

/// <summary>Where in the SMTP dialogue a reply refused us; it decides what the failure means.</summary>
internal enum SmtpStage
{
    Greeting,
    Hello,
    StartTls,
    Authentication,
    Reset,
    MailFrom,
    RecipientTo,
    Data,
    Message,
}
