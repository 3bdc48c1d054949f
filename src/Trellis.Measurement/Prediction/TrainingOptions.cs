using NodaTime;

namespace Trellis.Measurement.Prediction;

/// <summary>What <c>trellis train</c> fits (defaults in brackets are the CLI's).</summary>
public sealed record TrainingOptions
{
    /// <summary>The event to predict, e.g. <c>churned</c>.</summary>
    public required string Event { get; init; }

    /// <summary>The model's name, what journeys write in <c>score("name")</c> [the event name].</summary>
    public required string Model { get; init; }

    /// <summary>The label: "performs the event within this long after the cutoff" [30d].</summary>
    public Duration Horizon { get; init; } = Duration.FromDays(30);

    /// <summary>The L2 penalty on standardised weights (ridge; the intercept is not penalised) [1].</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Trailing windows of the count features [7d, 30d].</summary>
    public IReadOnlyList<Duration> CountWindows { get; init; } = [Duration.FromDays(7), Duration.FromDays(30)];

    /// <summary>Days-since features stop at this many days (also the value for "never") [90].</summary>
    public double DaysSinceCap { get; init; } = 90;

    /// <summary>At most this many events become features, the most frequent first [20].</summary>
    public int MaxEvents { get; init; } = 20;

    /// <summary>A trait is a feature when at least this share of the examples has a number or true/false in it [0.05].</summary>
    public double MinTraitCoverage { get; init; } = 0.05;

    /// <summary>Newton steps before giving up [100].</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>When the model was trained (the clock is the caller's: training itself is deterministic).</summary>
    public required Instant TrainedAt { get; init; }
}
