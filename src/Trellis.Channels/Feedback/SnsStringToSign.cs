using System.Text;

namespace Trellis.Channels.Feedback;

/// <summary>
/// The string Amazon SNS signs, as AWS documents it ("Verifying the signatures of Amazon SNS messages"): for each
/// field in a fixed order, its name, a newline, its value, a newline. A Notification signs Message, MessageId,
/// Subject (only when present), Timestamp, TopicArn and Type; a SubscriptionConfirmation or UnsubscribeConfirmation
/// signs Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn and Type. Values are the decoded JSON strings.
/// </summary>
public static class SnsStringToSign
{
    public static string Build(SnsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(message.Message.Length + 512);
        Append(text, "Message", message.Message);
        Append(text, "MessageId", message.MessageId);
        if (message.IsConfirmation)
        {
            Append(text, "SubscribeURL", message.SubscribeUrl ?? "");
            Append(text, "Timestamp", message.Timestamp);
            Append(text, "Token", message.Token ?? "");
        }
        else
        {
            if (message.Subject is not null)
            {
                Append(text, "Subject", message.Subject);
            }

            Append(text, "Timestamp", message.Timestamp);
        }

        Append(text, "TopicArn", message.TopicArn);
        Append(text, "Type", message.Type);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, string value) => text.Append(name).Append('\n').Append(value).Append('\n');
}
