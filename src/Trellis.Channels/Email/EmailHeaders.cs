namespace Trellis.Channels.Email;

/// <summary>Header names we set ourselves; a message's own headers may not override them.</summary>
public static class EmailHeaders
{
    public const string MessageId = "Message-ID";
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";

    /// <summary>RFC 8058: the only value that marks the List-Unsubscribe URL as one-click (POST).</summary>
    public const string OneClickValue = "List-Unsubscribe=One-Click";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        MessageId, ListUnsubscribe, ListUnsubscribePost,
        "From", "To", "Cc", "Bcc", "Sender", "Subject", "Date", "Reply-To",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Return-Path",
    };

    public static bool IsReserved(string name) => Reserved.Contains(name);
}
