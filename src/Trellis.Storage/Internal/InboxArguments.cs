namespace Trellis.Storage.Internal;

/// <summary>Checks shared by both backends' inbox and guardrail stores, so bad input fails the same way.</summary>
internal static class InboxArguments
{
    public static void RequireMessage(InboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Arguments.RequireId(message.Id, "messageId");
        Arguments.RequireId(message.PersonId, "personId");
        Arguments.RequireId(message.SendId, "sendId");
        ArgumentNullException.ThrowIfNull(message.Title);
        ArgumentNullException.ThrowIfNull(message.Body);
        ArgumentNullException.ThrowIfNull(message.Metadata);
    }

    public static void RequireTally(GuardrailTally tally)
    {
        if (tally.Sends < 0 || tally.Complaints < 0 || tally.Unsubscribes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tally), tally, "Guardrail counts only grow.");
        }
    }
}
