using NodaTime;
using Trellis.Content.Models;
using Trellis.Core.Scoring;
using Trellis.Measurement.Prediction;
using Trellis.Measurement.Tests.Support;

namespace Trellis.Measurement.Tests.Prediction;

/// <summary>Training on a synthetic history where churn depends on recent logins, and on data that cannot train.</summary>
public class ModelTrainerTests
{
    private static readonly Instant TrainedAt = Instant.FromUtc(2026, 6, 1, 12, 0);

    private static readonly Lazy<List<PersonHistory>> World = new(() => ChurnWorld.Histories(ChurnWorld.Calls(people: 1500, days: 120, seed: 7)));

    private static TrainingOptions Options(string eventName = "churned", int horizonDays = 30) => new()
    {
        Event = eventName,
        Model = "churn",
        Horizon = Duration.FromDays(horizonDays),
        TrainedAt = TrainedAt,
    };

    [Fact]
    public void Learns_that_recent_logins_keep_people_and_ranks_held_out_people_well()
    {
        var trained = ModelTrainer.Train(World.Value, Options());
        var file = trained.File;
        Assert.True(trained.Converged);
        Assert.Equal("churn", file.Model.Name);
        Assert.True(file.Holdout.Auc > 0.75, $"held-out AUC {file.Holdout.Auc}");
        Assert.True(file.Holdout.Positives > 20 && file.Holdout.Examples > file.Holdout.Positives);
        Assert.True(file.Holdout.Cutoff > file.Training.Cutoff);
        Assert.Equal(file.Training.LabelUntil, file.Holdout.Cutoff);
        Assert.Equal(Math.Round((double)file.Holdout.Positives / file.Holdout.Examples, 6), file.Holdout.BaseRate);

        // More logins in the last 30 days: less churn. Noise traits weigh little next to it.
        var logins30 = file.Model.Features.Single(f => f.Name == "count(\"login\", 30d)");
        Assert.True(logins30.Weight < 0, $"login weight {logins30.Weight}");
        var seats = file.Model.Features.Single(f => f.Name == "profile.seats");
        Assert.True(Math.Abs(seats.Weight) < Math.Abs(logins30.Weight));
        Assert.DoesNotContain(file.Model.Features, f => f.Name == "profile.plan");
    }

    [Fact]
    public void Same_history_same_bytes()
    {
        var a = ModelFileWriter.Write(ModelTrainer.Train(World.Value, Options()).File);
        var reversed = World.Value.AsEnumerable().Reverse().ToList();
        var b = ModelFileWriter.Write(ModelTrainer.Train(reversed, Options()).File);
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_written_file_reads_back_and_scores_like_the_trained_model()
    {
        var trained = ModelTrainer.Train(World.Value, Options()).File;
        using var folder = new TempFile("models");
        Directory.CreateDirectory(folder.Path);
        var path = Path.Combine(folder.Path, "churn.model.json");
        File.WriteAllText(path, ModelFileWriter.Write(trained));
        var content = Trellis.Content.ContentLoader.Load(path);
        Assert.Empty(content.Diagnostics);
        var read = Assert.Single(content.Models);
        Assert.Equal(ModelFileWriter.Write(trained), ModelFileWriter.Write(read));
        double[] raw = [.. read.Model.Features.Select(f => f.Mean + f.Scale)];
        Assert.Equal(trained.Model.Probability(raw), read.Model.Probability(raw), 15);
        Assert.InRange(read.Model.Probability(raw), 0, 1);
    }

    [Fact]
    public void An_empty_store_is_a_clear_error()
    {
        var e = Assert.Throws<TrainingException>(() => ModelTrainer.Train([], Options()));
        Assert.Contains("no events", e.Message);
    }

    [Fact]
    public void An_unknown_event_names_the_events_there_are()
    {
        var e = Assert.Throws<TrainingException>(() => ModelTrainer.Train(World.Value, Options("cancelled")));
        Assert.Contains("no 'cancelled' events", e.Message);
        Assert.Contains("churned, login", e.Message);
    }

    [Fact]
    public void No_positives_after_the_training_cutoff_is_a_clear_error()
    {
        // Everyone who churned did so in the first 30 days; the history runs 120.
        var early = World.Value
            .Select(h => h with { Entries = h.Entries.Where(e => e.Event != "churned" || e.At < ChurnWorld.Start + Duration.FromDays(30)).ToList() })
            .ToList();
        var e = Assert.Throws<TrainingException>(() => ModelTrainer.Train(early, Options()));
        Assert.Contains("no person performed 'churned' within 30d after the training cutoff", e.Message);
    }

    [Fact]
    public void A_history_shorter_than_two_horizons_is_a_clear_error()
    {
        var e = Assert.Throws<TrainingException>(() => ModelTrainer.Train(World.Value, Options(horizonDays: 70)));
        Assert.Contains("more than two horizons", e.Message);
    }
}
