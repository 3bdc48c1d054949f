using System.Globalization;
using NodaTime;
using Trellis.Core.Time;
using Trellis.Core.Values;

namespace Trellis.Core.Scoring;

/// <summary>
/// One input of a propensity model: what it reads (a trait, an event count in a window, days since an event), how
/// it is standardised (<c>(raw - Mean) / Scale</c>, with the training set's mean and standard deviation) and its
/// weight. The raw value functions here are the only definition: training computes its examples with them too.
/// </summary>
public sealed record ModelFeature
{
    public required ModelFeatureKind Kind { get; init; }

    /// <summary>The trait of a <see cref="ModelFeatureKind.Trait"/> feature.</summary>
    public string? Trait { get; init; }

    /// <summary>The event of a count or days-since feature.</summary>
    public string? Event { get; init; }

    /// <summary>The trailing window of a count feature.</summary>
    public Duration Window { get; init; }

    /// <summary>Days-since features stop growing here; a person who never performed the event gets this value.</summary>
    public double CapDays { get; init; }

    public double Mean { get; init; }

    /// <summary>The training set's standard deviation (never 0: constant features are not kept).</summary>
    public double Scale { get; init; } = 1;

    public double Weight { get; init; }

    /// <summary>How people read it: <c>profile.plan_price</c>, <c>count("login", 7d)</c>, <c>days_since("login")</c>.</summary>
    public string Name => Kind switch
    {
        ModelFeatureKind.Trait => "profile." + Trait,
        ModelFeatureKind.Count => $"count(\"{Event}\", {DurationText.Format(Window)})",
        _ => $"days_since(\"{Event}\")",
    };

    /// <summary>A trait's number: numbers as they are, true 1, false 0; anything else (missing, text) is the mean.</summary>
    public double FromTrait(Value trait) => trait.Kind switch
    {
        ValueKind.Number when double.IsFinite(trait.AsNumber) => trait.AsNumber,
        ValueKind.Bool => trait.AsBool ? 1 : 0,
        _ => Mean,
    };

    /// <summary>Days from the last occurrence (at or before now) to now, capped; the cap when there was none.</summary>
    public double FromLast(Instant? last, Instant now) =>
        last is { } at && at <= now ? Math.Min((now - at).TotalDays, CapDays) : CapDays;

    /// <summary>The standardised value the weight multiplies.</summary>
    public double Standardise(double raw) => (raw - Mean) / Scale;

    public override string ToString() => Name + " weight " + Weight.ToString("G6", CultureInfo.InvariantCulture);
}
