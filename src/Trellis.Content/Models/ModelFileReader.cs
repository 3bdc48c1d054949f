using System.Text.Json;
using NodaTime;
using Trellis.Content.Reading;
using Trellis.Core.Scoring;
using Trellis.Core.Time;
using Trellis.Core.Values;

namespace Trellis.Content.Models;

/// <summary>
/// Reads and checks a <c>*.model.json</c> file. JSON syntax errors carry their line; other problems name the field
/// (<c>features[2].window</c>) on the line of the file's start, since JSON documents keep no lines.
/// </summary>
internal static class ModelFileReader
{
    public const string Extension = ".model.json";

    /// <summary>Count windows longer than this would outlive the engine's event history (400 days).</summary>
    private static readonly Duration LongestWindow = Duration.FromDays(365);

    public static ModelFile? Read(string text, DiagnosticBag bag)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            bag.Report((int)(e.LineNumber ?? 0) + 1, "not valid JSON: " + FirstSentence(e.Message));
            return null;
        }

        using (doc)
        {
            var before = bag.Count;
            var file = Read(doc.RootElement, new Fields(bag), ExpectedName(bag.File));
            return bag.Count > before ? null : file;
        }
    }

    private static ModelFile? Read(JsonElement root, Fields f, string expectedName)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            f.Report("a model file is a JSON object");
            return null;
        }

        if (f.Text(root, "format") is { } format && format != ModelFile.FormatName)
        {
            f.Report($"format: '{format}' is not known (this version reads {ModelFile.FormatName})");
        }

        var name = f.Text(root, "model");
        if (name is not null && (!Slug.IsValid(name) || name != expectedName))
        {
            f.Report(Slug.IsValid(name)
                ? $"model: '{name}' must match the file name ({expectedName}{Extension})"
                : $"model: '{name}' is not a slug: use {Slug.Rule}");
        }

        if (f.Text(root, "kind") is { } kind && kind != "logistic_regression")
        {
            f.Report($"kind: '{kind}' is not known (logistic_regression)");
        }

        var predicts = f.Object(root, "predicts");
        var eventName = predicts is { } p ? f.Text(p, "event", "predicts.") : null;
        var horizon = predicts is { } q ? f.Duration(q, "within", "predicts.") : null;
        var once = predicts is { } o && o.TryGetProperty("once", out var flag) && flag.ValueKind == JsonValueKind.True;
        var intercept = f.Number(root, "intercept");
        var features = new List<ModelFeature>();
        if (f.Array(root, "features") is { } list)
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ReadFeature(item, f, $"features[{i++}].") is { } feature)
                {
                    features.Add(feature);
                }
            }
        }

        var fit = f.Object(root, "fit");
        var l2 = fit is { } a ? f.Number(a, "l2", "fit.") : null;
        var iterations = fit is { } b ? f.Number(b, "iterations", "fit.") : null;
        var training = ReadSample(root, "training", f);
        var holdout = ReadSample(root, "holdout", f);
        var trainedAt = f.Instant(root, "trained_at");
        if (f.Failed || name is null || eventName is null || horizon is null || intercept is null || training is null || holdout is null || trainedAt is null)
        {
            return null;
        }

        return new ModelFile
        {
            Model = new PropensityModel(name, intercept.Value, features),
            Event = eventName,
            Horizon = horizon.Value,
            Once = once,
            L2 = l2 ?? 0,
            Iterations = (int)(iterations ?? 0),
            Training = training,
            Holdout = holdout,
            TrainedAt = trainedAt.Value,
        };
    }

    private static ModelFeature? ReadFeature(JsonElement item, Fields f, string at)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            f.Report($"{at.TrimEnd('.')}: a feature is an object with kind, mean, scale and weight");
            return null;
        }

        var mean = f.Number(item, "mean", at);
        var scale = f.Number(item, "scale", at);
        var weight = f.Number(item, "weight", at);
        if (scale is <= 0)
        {
            f.Report($"{at}scale: must be above 0");
        }

        var kind = f.Text(item, "kind", at);
        ModelFeature? feature = kind switch
        {
            null => null,
            "trait" => f.Text(item, "trait", at) is { } trait ? new ModelFeature { Kind = ModelFeatureKind.Trait, Trait = trait } : null,
            "count" => f.Text(item, "event", at) is { } e && f.Duration(item, "window", at) is { } window
                ? WindowChecked(new ModelFeature { Kind = ModelFeatureKind.Count, Event = e, Window = window }, f, at)
                : null,
            "days_since" => f.Text(item, "event", at) is { } e2 && f.Number(item, "cap_days", at) is { } cap
                ? cap > 0 && cap <= LongestWindow.TotalDays
                    ? new ModelFeature { Kind = ModelFeatureKind.DaysSince, Event = e2, CapDays = cap }
                    : f.Reported<ModelFeature>($"{at}cap_days: must be above 0 and at most {LongestWindow.TotalDays:0}")
                : null,
            _ => f.Reported<ModelFeature>($"{at}kind: '{kind}' is not known (trait, count or days_since)"),
        };
        return feature is null || mean is null || scale is not > 0 || weight is null
            ? null
            : feature with { Mean = mean.Value, Scale = scale.Value, Weight = weight.Value };
    }

    private static ModelFeature? WindowChecked(ModelFeature feature, Fields f, string at) =>
        feature.Window > Duration.Zero && feature.Window <= LongestWindow
            ? feature
            : f.Reported<ModelFeature>($"{at}window: must be above 0 and at most {DurationText.Format(LongestWindow)} (the engine keeps a year of history)");

    private static ModelSample? ReadSample(JsonElement root, string name, Fields f)
    {
        if (f.Object(root, name) is not { } s)
        {
            return null;
        }

        var at = name + ".";
        var cutoff = f.Instant(s, "cutoff", at);
        var until = f.Instant(s, "label_until", at);
        var examples = f.Number(s, "examples", at);
        var positives = f.Number(s, "positives", at);
        var rate = f.Number(s, "base_rate", at);
        var auc = f.Number(s, "auc", at);
        return cutoff is null || until is null || examples is null || positives is null || rate is null || auc is null
            ? null
            : new ModelSample(cutoff.Value, until.Value, (long)examples.Value, (long)positives.Value, rate.Value, auc.Value);
    }

    private static string ExpectedName(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(Extension, StringComparison.Ordinal) ? name[..^Extension.Length] : name;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Field access that reports what is missing or of the wrong type, by its path.</summary>
    private sealed class Fields(DiagnosticBag bag)
    {
        public bool Failed { get; private set; }

        public void Report(string message)
        {
            Failed = true;
            bag.Report(1, message);
        }

        public T? Reported<T>(string message)
            where T : class
        {
            Report(message);
            return null;
        }

        public JsonElement? Get(JsonElement parent, string name, string at, JsonValueKind kind, string what)
        {
            if (!parent.TryGetProperty(name, out var e))
            {
                Report($"{at}{name}: missing ({what})");
                return null;
            }

            if (e.ValueKind != kind && !(kind == JsonValueKind.True && e.ValueKind == JsonValueKind.False))
            {
                Report($"{at}{name}: must be {what}");
                return null;
            }

            return e;
        }

        public string? Text(JsonElement parent, string name, string at = "")
        {
            if (Get(parent, name, at, JsonValueKind.String, "text") is not { } e)
            {
                return null;
            }

            if (e.GetString() is { Length: > 0 } s)
            {
                return s;
            }

            Report($"{at}{name}: is empty");
            return null;
        }

        public double? Number(JsonElement parent, string name, string at = "")
        {
            if (Get(parent, name, at, JsonValueKind.Number, "a number") is not { } e)
            {
                return null;
            }

            var d = e.GetDouble();
            if (!double.IsFinite(d))
            {
                Report($"{at}{name}: must be a finite number");
                return null;
            }

            return d;
        }

        public JsonElement? Object(JsonElement parent, string name, string at = "") => Get(parent, name, at, JsonValueKind.Object, "an object");

        public JsonElement? Array(JsonElement parent, string name, string at = "") => Get(parent, name, at, JsonValueKind.Array, "a list");

        public Duration? Duration(JsonElement parent, string name, string at = "")
        {
            if (Text(parent, name, at) is not { } text)
            {
                return null;
            }

            if (!DurationText.TryParse(text, out var d, out var error))
            {
                Report($"{at}{name}: {error}");
                return null;
            }

            return d;
        }

        public Instant? Instant(JsonElement parent, string name, string at = "")
        {
            if (Text(parent, name, at) is not { } text)
            {
                return null;
            }

            if (!InstantText.TryParse(text, out var i))
            {
                Report($"{at}{name}: '{text}' is not an ISO-8601 UTC time");
                return null;
            }

            return i;
        }
    }
}
