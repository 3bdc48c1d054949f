namespace Trellis.Channels;

/// <summary>
/// Names of rendered parts, as in template sections (SPEC §2): email subject/html/text, sms body,
/// push title/body, in_app title/body, webhook url/body, task title/body, direct_mail body.
/// </summary>
public static class MessageParts
{
    public const string Subject = "subject";
    public const string Html = "html";
    public const string Text = "text";
    public const string Title = "title";
    public const string Body = "body";
    public const string Url = "url";
}
