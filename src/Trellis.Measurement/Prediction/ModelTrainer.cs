using NodaTime;
using Trellis.Content.Models;
using Trellis.Core.Scoring;
using Trellis.Core.Time;
using Trellis.Core.Values;

namespace Trellis.Measurement.Prediction;

/// <summary>
/// <c>trellis train</c>: fits a propensity model for an event from people's histories, with a time-based split.
/// With <c>T</c> the latest recorded call and <c>H</c> the horizon, the model learns from people as they were at
/// <c>T - 2H</c>, labelled by whether they performed the event in the following <c>H</c>; it is then judged on
/// people as they were at <c>T - H</c> (labels in the last <c>H</c>), which it never saw: the held-out AUC says
/// how well it ranks people it will score in the future. An event that nobody performed twice is a one-time event:
/// people who already performed it by a cutoff are left out. Same histories and options, same file, byte for byte.
/// </summary>
public static class ModelTrainer
{
    public static TrainedModel Train(IReadOnlyList<PersonHistory> histories, TrainingOptions options)
    {
        if (options.Horizon <= Duration.Zero)
        {
            throw new TrainingException("the horizon must be positive, e.g. --horizon 30d");
        }

        var people = histories.OrderBy(h => h.PersonId, StringComparer.Ordinal).Select(h => new PersonTimeline(h)).ToList();
        var all = histories.SelectMany(h => h.Entries).ToList();
        if (all.Count == 0)
        {
            throw new TrainingException("the store has no events: nothing to learn from (send events to trellis serve first)");
        }

        var names = all.Where(e => e.Event is not null).Select(e => e.Event!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!names.Contains(options.Event))
        {
            var shown = names.Count == 0 ? "none (only profile updates)" : string.Join(", ", names.Take(30)) + (names.Count > 30 ? ", …" : "");
            throw new TrainingException($"no '{options.Event}' events in the store; events seen: {shown}");
        }

        var start = all.Min(e => e.At);
        var end = all.Max(e => e.At);
        var holdoutCutoff = end - options.Horizon;
        var trainingCutoff = holdoutCutoff - options.Horizon;
        if (trainingCutoff <= start)
        {
            throw new TrainingException(
                $"the history spans {Days(end - start)} ({InstantText.Format(start)} to {InstantText.Format(end)}); " +
                $"training needs more than two horizons ({Days(options.Horizon * 2)}): one to learn from and one to test on. Try a shorter --horizon");
        }

        // An event nobody performed twice (churned, upgraded) happens once: people who already did it cannot do it
        // again, so they are no examples, and its own history is no feature (it would only say "already gone").
        var once = histories.All(h => h.Entries.Count(e => e.Event == options.Event) <= 1);
        var candidates = FeatureCatalog.Choose(people, options, trainingCutoff, once ? options.Event : null);
        var training = ExampleSet.At(people, candidates, options.Event, trainingCutoff, holdoutCutoff, once);
        Require(training, "training", options);
        var (features, dropped) = Standardise(candidates, training);
        if (features.Count == 0)
        {
            throw new TrainingException("no feature varies between the training examples: nothing to learn from");
        }

        var x = Rows(training, candidates, features);
        var fit = LogisticRegression.Fit(x, training.Labels, options.L2, options.MaxIterations);
        if (!fit.Converged)
        {
            throw new TrainingException($"the fit did not converge in {options.MaxIterations} steps; raise --l2 to regularise more");
        }

        var weighted = features.Select((f, i) => f with { Weight = fit.Weights[i] }).ToList();
        var model = new PropensityModel(options.Model, fit.Intercept, weighted);
        var holdout = ExampleSet.At(people, weighted, options.Event, holdoutCutoff, end, once);
        Require(holdout, "held-out", options);
        return new TrainedModel(
            new ModelFile
            {
                Model = model,
                Event = options.Event,
                Horizon = options.Horizon,
                Once = once,
                L2 = options.L2,
                Iterations = fit.Iterations,
                Training = Sample(training, x.Select(row => PropensityModel.Sigmoid(fit.Intercept + Dot(fit.Weights, row))).ToList()),
                Holdout = Sample(holdout, holdout.Raw.Select(r => model.Probability(r)).ToList()),
                TrainedAt = options.TrainedAt,
            },
            fit.Converged,
            dropped);
    }

    /// <summary>Means and standard deviations of the training set; missing trait values become the mean; constant features go.</summary>
    private static (List<ModelFeature> Kept, List<string> Dropped) Standardise(List<ModelFeature> candidates, ExampleSet training)
    {
        var kept = new List<ModelFeature>();
        var dropped = new List<string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var values = training.Raw.Select(r => r[i]).Where(double.IsFinite).ToList();
            if (values.Count == 0)
            {
                dropped.Add(candidates[i].Name);
                continue;
            }

            var mean = values.Sum() / values.Count;
            // Missing trait values are the mean: they add nothing to the spread.
            var variance = values.Sum(v => (v - mean) * (v - mean)) / training.Raw.Count;
            var scale = Math.Sqrt(variance);
            if (!(scale > 1e-12))
            {
                dropped.Add(candidates[i].Name);
                continue;
            }

            kept.Add(candidates[i] with { Mean = mean, Scale = scale });
        }

        return (kept, dropped);
    }

    private static List<double[]> Rows(ExampleSet set, List<ModelFeature> candidates, List<ModelFeature> kept)
    {
        var columns = kept.Select(k => candidates.FindIndex(c => c.Name == k.Name)).ToArray();
        return set.Raw.Select(r => columns.Select((c, i) => kept[i].Standardise(double.IsFinite(r[c]) ? r[c] : kept[i].Mean)).ToArray()).ToList();
    }

    private static double Dot(IReadOnlyList<double> weights, double[] row)
    {
        var sum = 0.0;
        for (var i = 0; i < row.Length; i++)
        {
            sum += weights[i] * row[i];
        }

        return sum;
    }

    private static ModelSample Sample(ExampleSet set, List<double> scores)
    {
        return new ModelSample(set.Cutoff, set.LabelUntil, set.Labels.Count, set.Positives, Math.Round(set.BaseRate, 6), Math.Round(RocAuc.Compute(scores, set.Labels), 6));
    }

    private static void Require(ExampleSet set, string which, TrainingOptions options)
    {
        var window = $"({InstantText.Format(set.Cutoff)} to {InstantText.Format(set.LabelUntil)})";
        if (set.Labels.Count == 0)
        {
            throw new TrainingException($"no people had any history by the {which} cutoff {InstantText.Format(set.Cutoff)}: nothing to learn from");
        }

        if (set.Positives == 0)
        {
            throw new TrainingException(
                $"no person performed '{options.Event}' within {DurationText.Format(options.Horizon)} after the {which} cutoff {window}: " +
                "with no positive examples there is nothing to learn; try a longer --horizon or wait for more events");
        }

        if (set.Positives == set.Labels.Count)
        {
            throw new TrainingException(
                $"every one of the {set.Labels.Count} {which} examples performed '{options.Event}' {window}: with no negative examples there is nothing to learn");
        }
    }

    private static string Days(Duration d) => $"{d.TotalDays:0.#} days";
}
