using System.Text;
using System.Text.Json;
using Trellis.Core.Scoring;
using Trellis.Core.Time;
using Trellis.Core.Values;

namespace Trellis.Content.Models;

/// <summary>Writes a model file: fixed field order, indented, '\n' line ends, shortest round-trip numbers (same model, same bytes).</summary>
public static class ModelFileWriter
{
    public static string Write(ModelFile file)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            var m = file.Model;
            w.WriteStartObject();
            w.WriteString("format", ModelFile.FormatName);
            w.WriteString("model", m.Name);
            w.WriteString("kind", "logistic_regression");
            w.WriteStartObject("predicts");
            w.WriteString("event", file.Event);
            w.WriteString("within", DurationText.Format(file.Horizon));
            w.WriteBoolean("once", file.Once);
            w.WriteEndObject();
            w.WriteNumber("intercept", m.Intercept);
            w.WriteStartArray("features");
            foreach (var f in m.Features)
            {
                WriteFeature(w, f);
            }

            w.WriteEndArray();
            w.WriteStartObject("fit");
            w.WriteString("method", "irls");
            w.WriteNumber("l2", file.L2);
            w.WriteNumber("iterations", file.Iterations);
            w.WriteEndObject();
            WriteSample(w, "training", file.Training);
            WriteSample(w, "holdout", file.Holdout);
            w.WriteString("trained_at", InstantText.Format(file.TrainedAt));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteFeature(Utf8JsonWriter w, ModelFeature f)
    {
        w.WriteStartObject();
        w.WriteString("name", f.Name);
        switch (f.Kind)
        {
            case ModelFeatureKind.Trait:
                w.WriteString("kind", "trait");
                w.WriteString("trait", f.Trait);
                break;
            case ModelFeatureKind.Count:
                w.WriteString("kind", "count");
                w.WriteString("event", f.Event);
                w.WriteString("window", DurationText.Format(f.Window));
                break;
            default:
                w.WriteString("kind", "days_since");
                w.WriteString("event", f.Event);
                w.WriteNumber("cap_days", f.CapDays);
                break;
        }

        w.WriteNumber("mean", f.Mean);
        w.WriteNumber("scale", f.Scale);
        w.WriteNumber("weight", f.Weight);
        w.WriteEndObject();
    }

    private static void WriteSample(Utf8JsonWriter w, string name, ModelSample s)
    {
        w.WriteStartObject(name);
        w.WriteString("cutoff", InstantText.Format(s.Cutoff));
        w.WriteString("label_until", InstantText.Format(s.LabelUntil));
        w.WriteNumber("examples", s.Examples);
        w.WriteNumber("positives", s.Positives);
        w.WriteNumber("base_rate", s.BaseRate);
        w.WriteNumber("auc", s.Auc);
        w.WriteEndObject();
    }

    /// <summary>Whether a name can name a model (a slug: it is a file name and appears in expressions).</summary>
    public static bool IsValidName(string name) => Reading.Slug.IsValid(name);

    /// <summary>The file name of a model: <c>{name}.model.json</c>.</summary>
    public static string FileName(string model) => model + ModelFileReader.Extension;

}
