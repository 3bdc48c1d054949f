namespace Trellis.Core.Scoring;

/// <summary>What a propensity model feature reads from a person's state.</summary>
public enum ModelFeatureKind : byte
{
    /// <summary>A numeric or true/false profile trait (true = 1, false = 0; anything else counts as the training mean).</summary>
    Trait,

    /// <summary>How often the person performed an event in the trailing window ending now, as <c>count("e", 30d)</c>.</summary>
    Count,

    /// <summary>Days since the person last performed an event, at most the feature's cap (also when never).</summary>
    DaysSince,
}
