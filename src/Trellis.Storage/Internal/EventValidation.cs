namespace Trellis.Storage.Internal;

/// <summary>Checks the shape of an incoming event before anything is written (programming errors, not data errors).</summary>
internal static class EventValidation
{
    public static void Validate(IncomingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (string.IsNullOrEmpty(e.MessageId))
        {
            throw new ArgumentException("An event needs a messageId.", nameof(e));
        }

        if (string.IsNullOrEmpty(e.UserId) && string.IsNullOrEmpty(e.AnonymousId))
        {
            throw new ArgumentException($"Event {e.MessageId} has neither userId nor anonymousId.", nameof(e));
        }

        if (e.Kind == EventKind.Alias && (string.IsNullOrEmpty(e.PreviousId) || string.IsNullOrEmpty(e.UserId)))
        {
            throw new ArgumentException($"Alias event {e.MessageId} needs previousId and userId.", nameof(e));
        }

        ArgumentNullException.ThrowIfNull(e.PayloadJson);
    }
}
