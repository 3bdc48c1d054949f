namespace Trellis.Storage.Internal;

/// <summary>Checks shared by both backends' inbox and guardrail stores, so bad input fails the same way.</summary>
internal static class InboxArguments
{
    public static void RequireMessage(InboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireText(message.Id, "message id");
        RequireText(message.PersonId, "person id");
        RequireText(message.SendId, "send id");
        ArgumentNullException.ThrowIfNull(message.Title);
        ArgumentNullException.ThrowIfNull(message.Body);
        ArgumentNullException.ThrowIfNull(message.Metadata);
    }

    public static void RequireText(string value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The {what} must not be empty.", what.Replace(' ', '_'));
        }
    }

    public static void RequireTally(GuardrailTally tally)
    {
        if (tally.Sends < 0 || tally.Complaints < 0 || tally.Unsubscribes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tally), tally, "Guardrail counts only grow.");
        }
    }
}
