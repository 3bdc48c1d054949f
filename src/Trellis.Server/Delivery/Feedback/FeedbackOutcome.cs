namespace Trellis.Server.Delivery.Feedback;

/// <summary>What a hook post led to, for the response and the tests: events applied and redeliveries dropped.</summary>
public sealed record FeedbackOutcome(int Applied, int Duplicates);
