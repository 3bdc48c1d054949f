using NodaTime;
using Trellis.Core.Scoring;
using Trellis.Core.Values;

namespace Trellis.Measurement.Prediction;

/// <summary>
/// Chooses the candidate features from what people did before the training cutoff: for the most frequent events
/// (a repeatable predicted event included: having done it is often the best predictor of doing it again), the count in each
/// trailing window and the days since the last one; and every trait that holds a number or true/false for enough
/// people. Order is fixed (events by frequency then name, traits by name), so the same data gives the same model.
/// </summary>
internal static class FeatureCatalog
{
    /// <param name="leaveOut">An event that is no feature (the one-time event predicted), or null.</param>
    public static List<ModelFeature> Choose(IReadOnlyList<PersonTimeline> people, TrainingOptions options, Instant cutoff, string? leaveOut)
    {
        var features = new List<ModelFeature>();
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        var traits = new Dictionary<string, long>(StringComparer.Ordinal);
        long seen = 0;
        foreach (var person in people)
        {
            if (person.First is not { } first || first > cutoff)
            {
                continue;
            }

            seen++;
            foreach (var name in person.EventNames)
            {
                var n = person.Count(name, Instant.MinValue, cutoff);
                if (n > 0 && name != leaveOut)
                {
                    events[name] = events.GetValueOrDefault(name) + n;
                }
            }

            foreach (var (name, value) in person.TraitsAt(cutoff))
            {
                if (value.Kind is ValueKind.Number or ValueKind.Bool)
                {
                    traits[name] = traits.GetValueOrDefault(name) + 1;
                }
            }
        }

        foreach (var (name, _) in events.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(options.MaxEvents))
        {
            foreach (var window in options.CountWindows)
            {
                features.Add(new ModelFeature { Kind = ModelFeatureKind.Count, Event = name, Window = window });
            }

            features.Add(new ModelFeature { Kind = ModelFeatureKind.DaysSince, Event = name, CapDays = options.DaysSinceCap });
        }

        foreach (var (name, count) in traits.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (seen > 0 && (double)count / seen >= options.MinTraitCoverage)
            {
                // Mean NaN: a person without the trait is marked missing until the training mean is known.
                features.Add(new ModelFeature { Kind = ModelFeatureKind.Trait, Trait = name, Mean = double.NaN });
            }
        }

        return features;
    }
}
