namespace Trellis.Channels.Resilience;

/// <summary>
/// When at least <see cref="MinimumThroughput"/> attempts in <see cref="SamplingDuration"/> include
/// a <see cref="FailureRatio"/> share of provider-side failures (timeouts, 5xx, refused
/// connections), stop calling the provider for <see cref="BreakDuration"/>, then let one probe through.
/// </summary>
public sealed class CircuitBreakerOptions
{
    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
