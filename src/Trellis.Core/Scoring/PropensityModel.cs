using NodaTime;
using Trellis.Core.Engine.State;

namespace Trellis.Core.Scoring;

/// <summary>
/// A logistic regression over standardised features: <c>p = 1 / (1 + e^-(intercept + Σ weight·(raw - mean)/scale))</c>,
/// the propensity <c>score("name")</c> returns. Pure: the person's state and the moment are all it reads.
/// </summary>
public sealed class PropensityModel
{
    public PropensityModel(string name, double intercept, IReadOnlyList<ModelFeature> features)
    {
        Name = name;
        Intercept = intercept;
        Features = features;
        EventsRead = features.Where(f => f.Event is not null).Select(f => f.Event!).Distinct(StringComparer.Ordinal).ToArray();
    }

    public string Name { get; }

    public double Intercept { get; }

    public IReadOnlyList<ModelFeature> Features { get; }

    /// <summary>Events whose history the engine must keep for this model (counts and days since).</summary>
    public IReadOnlyList<string> EventsRead { get; }

    /// <summary>The propensity for raw feature values (in <see cref="Features"/> order).</summary>
    public double Probability(ReadOnlySpan<double> raw)
    {
        var z = Intercept;
        for (var i = 0; i < Features.Count; i++)
        {
            z += Features[i].Weight * Features[i].Standardise(raw[i]);
        }

        return Sigmoid(z);
    }

    /// <summary>The propensity of a person now.</summary>
    public double Probability(PersonState person, Instant now)
    {
        Span<double> raw = Features.Count <= 64 ? stackalloc double[Features.Count] : new double[Features.Count];
        for (var i = 0; i < Features.Count; i++)
        {
            raw[i] = RawValue(Features[i], person, now);
        }

        return Probability(raw);
    }

    /// <summary>A feature's raw value for a person now, from their traits and kept event history.</summary>
    public static double RawValue(ModelFeature feature, PersonState person, Instant now) => feature.Kind switch
    {
        ModelFeatureKind.Trait => feature.FromTrait(person.Trait(feature.Trait!)),
        ModelFeatureKind.Count => person.History?.Find(feature.Event!)?.CountIn(now - feature.Window, now) ?? 0,
        _ => feature.FromLast(person.History?.Find(feature.Event!)?.LastAtOrBefore(now), now),
    };

    /// <summary>The logistic function, without overflow for large |z|.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1 + e);
    }
}
