namespace Trellis.Server.Delivery.Guardrails;

/// <summary>One journey's marketing sends, complaints and unsubscribes over the guardrail window.</summary>
public sealed class JourneyRates(TimeSpan window)
{
    public SlidingWindowCounter Sends { get; } = new(window);

    public SlidingWindowCounter Complaints { get; } = new(window);

    public SlidingWindowCounter Unsubscribes { get; } = new(window);
}
