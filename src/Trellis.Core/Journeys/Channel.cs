namespace Trellis.Core.Journeys;

/// <summary>The channels a send step can use. Names in files: email, sms, push, in_app, webhook, direct_mail, task.</summary>
public enum Channel : byte
{
    Email,
    Sms,
    Push,
    InApp,
    Webhook,
    DirectMail,
    Task,
}
