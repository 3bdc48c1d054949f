namespace Trellis.Channels.Feedback;

/// <summary>What a provider payload contained. Parsers are pure: they never fetch or store anything.</summary>
/// <param name="SubscriptionConfirmationUrl">SNS asks to confirm a subscription by visiting this URL; the server decides whether to (it must only be an AWS SNS host).</param>
/// <param name="Error">Why the payload could not be read; null when it could.</param>
public sealed record FeedbackParseResult(IReadOnlyList<FeedbackEvent> Events, Uri? SubscriptionConfirmationUrl = null, string? Error = null)
{
    public bool IsValid => Error is null;

    public static FeedbackParseResult Of(IReadOnlyList<FeedbackEvent> events) => new(events);

    public static FeedbackParseResult Invalid(string error) => new([], null, error);
}
