using NodaTime;
using Trellis.Core.Scoring;

namespace Trellis.Content.Models;

/// <summary>
/// A propensity model file, <c>models/{name}.model.json</c> (format in src/Trellis.Measurement/README.md): the
/// model <c>score("name")</c> evaluates, plus how it was trained and how good it was on held-out people.
/// </summary>
public sealed record ModelFile
{
    public const string FormatName = "trellis-propensity-model/1";

    public required PropensityModel Model { get; init; }

    /// <summary>The event the model predicts.</summary>
    public required string Event { get; init; }

    /// <summary>The label's horizon: "performs the event within this long after the cutoff".</summary>
    public required Duration Horizon { get; init; }

    /// <summary>A one-time event (nobody performed it twice): people who already performed it were no examples.</summary>
    public bool Once { get; init; }

    /// <summary>The L2 penalty on the standardised weights (not on the intercept).</summary>
    public required double L2 { get; init; }

    public required int Iterations { get; init; }

    public required ModelSample Training { get; init; }

    public required ModelSample Holdout { get; init; }

    public required Instant TrainedAt { get; init; }
}
