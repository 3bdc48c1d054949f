using System.Globalization;
using NodaTime;
using Trellis.Content.Models;
using Trellis.Core.Scoring;
using Trellis.Core.Time;
using Trellis.Core.Values;
using Trellis.Measurement.Prediction;
using Trellis.Server.Hosting;
using Trellis.Server.Prediction;
using Trellis.Storage;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis train --event E [--model NAME] [--horizon 30d] [--l2 1] [--content DIR] [--out FILE] [--store FILE]
/// [--workspace ID]</c>: fits a propensity model from the event history in the store <c>trellis serve</c> uses
/// (same configuration), prints its quality on held-out people and writes <c>models/NAME.model.json</c> into the
/// content folder, where <c>score("NAME")</c> finds it.
/// </summary>
internal sealed class TrainCommand : ICommand
{
    public string Name => "train";

    public string Usage => "train --event EVENT [--model NAME] [--horizon 30d] [--content DIR] [--out FILE]";

    public string Summary => "fit a propensity model for score(\"NAME\") from the store's event history";

    public int Run(ArgList args)
    {
        args.OnlyOptions("event", "model", "horizon", "l2", "content", "out", "store", "workspace");
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        }

        var eventName = Value(args, "event") ?? throw new UsageException("--event names the event to predict, e.g. --event churned");
        var model = Value(args, "model") ?? eventName;
        if (!ModelFileWriter.IsValidName(model))
        {
            throw new UsageException($"--model '{model}' is not a slug: use lowercase letters and digits with '-' or '_' (it names the file and score(\"{model}\"))");
        }

        var horizon = Duration.FromDays(30);
        if (Value(args, "horizon") is { } h && (!DurationText.TryParse(h, out horizon, out var error) || horizon <= Duration.Zero))
        {
            throw new UsageException($"--horizon '{h}': {(horizon <= Duration.Zero && error.Length == 0 ? "must be positive" : error)}");
        }

        var l2 = 1.0;
        if (Value(args, "l2") is { } l && (!double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out l2) || l2 < 0 || !double.IsFinite(l2)))
        {
            throw new UsageException($"--l2 '{l}' must be a number ≥ 0 (the ridge penalty; default 1)");
        }

        var overrides = new Dictionary<string, string?>();
        if (Value(args, "store") is { } store)
        {
            overrides["Trellis:Storage:Provider"] = "sqlite";
            overrides["Trellis:Storage:ConnectionString"] = Path.GetFullPath(store);
        }

        var config = ConfiguredStore.Read(overrides: overrides);
        var contentFolder = Value(args, "content") ?? config.ContentFolderPath;
        var output = Value(args, "out")
                     ?? (contentFolder is null
                         ? throw new UsageException("no content folder is configured: name one with --content DIR, or the file with --out FILE")
                         : Path.Combine(contentFolder, "models", ModelFileWriter.FileName(model)));
        var workspace = Value(args, "workspace") is { } w ? new WorkspaceId(w) : config.DefaultWorkspace;
        var options = new TrainingOptions
        {
            Event = eventName,
            Model = model,
            Horizon = horizon,
            L2 = l2,
            TrainedAt = SystemClock.Instance.GetCurrentInstant(),
        };

        try
        {
            var trained = TrainAsync(config, workspace, options).GetAwaiter().GetResult();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllText(output, ModelFileWriter.Write(trained.File));
            Print(trained, output);
            return 0;
        }
        catch (Exception e) when (e is TrainingException or FileNotFoundException or StorageException)
        {
            Console.Error.WriteLine($"trellis train: {e.Message}");
            return 1;
        }
    }

    private static async Task<TrainedModel> TrainAsync(ConfiguredStore config, WorkspaceId workspace, TrainingOptions options)
    {
        await using var store = await config.OpenAsync();
        if (await store.Workspaces.GetAsync(workspace) is null)
        {
            throw new TrainingException($"the store has no workspace '{workspace}' (use --workspace ID)");
        }

        var histories = await StoreHistoryReader.ReadAsync(store, workspace);
        return ModelTrainer.Train(histories, options);
    }

    private static void Print(TrainedModel trained, string output)
    {
        var f = trained.File;
        var w = Console.Out;
        w.WriteLine($"model '{f.Model.Name}': will '{f.Event}' happen within {DurationText.Format(f.Horizon)}? logistic regression, {f.Model.Features.Count} features, {f.Iterations} IRLS steps, L2 {f.L2.ToString(CultureInfo.InvariantCulture)}");
        w.WriteLine("  " + Sample("training", f.Training));
        w.WriteLine("  " + Sample("held out", f.Holdout));
        if (f.Holdout.Auc < 0.6)
        {
            w.WriteLine("  note: a held-out AUC this close to 0.5 ranks people little better than chance; more history or other events may help");
        }

        w.WriteLine("  strongest features (weight per standard deviation):");
        foreach (var feature in f.Model.Features.OrderByDescending(x => Math.Abs(x.Weight)).ThenBy(x => x.Name, StringComparer.Ordinal).Take(8))
        {
            w.WriteLine($"    {feature.Weight.ToString("+0.000;-0.000", CultureInfo.InvariantCulture),7}  {feature.Name}");
        }

        if (trained.Dropped.Count > 0)
        {
            w.WriteLine($"  left out (the same for every training example): {string.Join(", ", trained.Dropped)}");
        }

        w.WriteLine($"wrote {output}");
        w.WriteLine($"  journeys read it as score(\"{f.Model.Name}\"); a running trellis serve loads it at its next content reload (a journey upload, publish or pause, or a restart)");
    }

    private static string Sample(string label, ModelSample s) =>
        $"{label,-8}  people as of {InstantText.Format(s.Cutoff)}: {s.Examples} examples, {s.Positives} positive " +
        $"(base rate {s.BaseRate.ToString("P1", CultureInfo.InvariantCulture)}), AUC {s.Auc.ToString("0.000", CultureInfo.InvariantCulture)}";

    private static string? Value(ArgList args, string name)
    {
        if (args.Flag(name) && string.IsNullOrWhiteSpace(args.Option(name)))
        {
            throw new UsageException($"--{name} needs a value");
        }

        return args.Option(name);
    }
}
