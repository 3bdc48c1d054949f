using NodaTime;
using Trellis.Core.Scoring;

namespace Trellis.Measurement.Prediction;

/// <summary>
/// Labelled examples at one cutoff: every person seen by then (for a one-time event, who has not performed it yet), with raw feature values as of the cutoff and the
/// label "performed the event in (cutoff, cutoff + horizon]".
/// </summary>
internal sealed class ExampleSet
{
    private ExampleSet(Instant cutoff, Instant labelUntil, List<double[]> raw, List<bool> labels)
    {
        Cutoff = cutoff;
        LabelUntil = labelUntil;
        Raw = raw;
        Labels = labels;
    }

    public Instant Cutoff { get; }

    public Instant LabelUntil { get; }

    public IReadOnlyList<double[]> Raw { get; }

    public IReadOnlyList<bool> Labels { get; }

    public int Positives => Labels.Count(l => l);

    public double BaseRate => Labels.Count == 0 ? 0 : (double)Positives / Labels.Count;

    /// <param name="once">A one-time event: people who performed it by the cutoff are no examples.</param>
    public static ExampleSet At(
        IReadOnlyList<PersonTimeline> people, IReadOnlyList<ModelFeature> features, string eventName, Instant cutoff, Instant labelUntil, bool once)
    {
        var raw = new List<double[]>();
        var labels = new List<bool>();
        foreach (var person in people)
        {
            if (person.First is not { } first || first > cutoff || (once && person.LastAtOrBefore(eventName, cutoff) is not null))
            {
                continue;
            }

            var traits = person.TraitsAt(cutoff);
            var row = new double[features.Count];
            for (var i = 0; i < features.Count; i++)
            {
                var f = features[i];
                row[i] = f.Kind switch
                {
                    ModelFeatureKind.Trait => f.FromTrait(traits.GetValueOrDefault(f.Trait!)),
                    ModelFeatureKind.Count => person.Count(f.Event!, cutoff - f.Window, cutoff),
                    _ => f.FromLast(person.LastAtOrBefore(f.Event!, cutoff), cutoff),
                };
            }

            raw.Add(row);
            labels.Add(person.Count(eventName, cutoff, labelUntil) > 0);
        }

        return new ExampleSet(cutoff, labelUntil, raw, labels);
    }
}
