using Trellis.Content;
using Trellis.Measurement.Tests.Support;

namespace Trellis.Measurement.Tests.Prediction;

/// <summary>Model files in content and <c>score()</c> references, as <c>trellis validate</c> reports them.</summary>
public class ModelFileTests
{
    private const string Journey = """
        journey: risk
        entry: {event: checked_in}
        steps:
          - id: by-risk
            branch:
              - when: 'score("churn") > 0.5'
                goto: offer
          - id: offer
            send: {channel: email, template: note}
        """;

    private const string Template = """
        template: note
        email: {subject: 'Hi', html: '<p>Hi</p>', text: 'Hi'}
        """;

    private const string Model = """
        {
          "format": "trellis-propensity-model/1",
          "model": "churn",
          "kind": "logistic_regression",
          "predicts": {"event": "churned", "within": "30d"},
          "intercept": -1.5,
          "features": [
            {"kind": "count", "event": "login", "window": "7d", "mean": 2, "scale": 1.5, "weight": -0.8},
            {"kind": "days_since", "event": "login", "cap_days": 90, "mean": 10, "scale": 12, "weight": 0.6},
            {"kind": "trait", "trait": "seats", "mean": 3, "scale": 2, "weight": 0.1}
          ],
          "fit": {"method": "irls", "l2": 1, "iterations": 5},
          "training": {"cutoff": "2026-01-01T00:00:00Z", "label_until": "2026-01-31T00:00:00Z", "examples": 100, "positives": 10, "base_rate": 0.1, "auc": 0.8},
          "holdout": {"cutoff": "2026-01-31T00:00:00Z", "label_until": "2026-03-02T00:00:00Z", "examples": 100, "positives": 12, "base_rate": 0.12, "auc": 0.78},
          "trained_at": "2026-03-02T10:00:00Z"
        }
        """;

    [Fact]
    public void A_journey_scoring_with_a_model_of_the_content_folder_validates()
    {
        using var folder = Workspace(Model);
        var content = ContentLoader.Load(folder.Root);
        Assert.Empty(content.Diagnostics);
        var model = Assert.Single(content.Models);
        Assert.Equal(["login"], model.Model.EventsRead);
        Assert.Equal(["count(\"login\", 7d)", "days_since(\"login\")", "profile.seats"], model.Model.Features.Select(f => f.Name));
        Assert.NotNull(content.ToWorkspace().Scores);
    }

    [Fact]
    public void Validating_the_journey_file_alone_finds_the_model_by_convention()
    {
        using var folder = Workspace(Model);
        var content = ContentLoader.Load(Path.Combine(folder.Root, "journeys", "risk.journey.yaml"));
        Assert.Empty(content.Diagnostics);
        Assert.Single(content.Journeys);
    }

    [Fact]
    public void Scoring_with_a_model_that_is_not_there_is_a_file_and_line_error()
    {
        using var folder = Workspace(model: null);
        var content = ContentLoader.Load(folder.Root);
        var d = Assert.Single(content.Diagnostics);
        Assert.EndsWith(Path.Combine("journeys", "risk.journey.yaml"), d.Location.File);
        Assert.Equal(6, d.Location.Line);
        Assert.Contains("no model 'churn'", d.Message);
        Assert.Contains("trellis train", d.Message);
        Assert.Empty(content.Journeys);
    }

    [Theory]
    [InlineData("{\n  \"model\": \n}", 3, "not valid JSON")]
    [InlineData("[1, 2]", 1, "a model file is a JSON object")]
    public void A_model_file_that_is_not_a_model_is_reported_once(string text, int line, string message)
    {
        using var folder = Workspace(text);
        var content = ContentLoader.Load(folder.Root);
        var d = Assert.Single(content.Diagnostics);
        Assert.EndsWith("churn.model.json", d.Location.File);
        Assert.Equal(line, d.Location.Line);
        Assert.Contains(message, d.Message);
        Assert.Empty(content.Journeys);
    }

    [Theory]
    [InlineData("\"model\": \"churn\"", "\"model\": \"other\"", "model: 'other' must match the file name (churn.model.json)")]
    [InlineData("\"window\": \"7d\"", "\"window\": \"7x\"", "features[0].window:")]
    [InlineData("\"window\": \"7d\"", "\"window\": \"400d\"", "features[0].window: must be above 0 and at most 365d")]
    [InlineData("\"scale\": 12", "\"scale\": 0", "features[1].scale: must be above 0")]
    [InlineData("\"kind\": \"trait\"", "\"kind\": \"ratio\"", "features[2].kind: 'ratio' is not known")]
    [InlineData("\"intercept\": -1.5", "\"intercept\": \"high\"", "intercept: must be a number")]
    [InlineData("\"trained_at\": \"2026-03-02T10:00:00Z\"", "\"trained_at\": \"yesterday\"", "trained_at: 'yesterday' is not an ISO-8601 UTC time")]
    public void Mistakes_in_a_model_file_name_the_field(string from, string to, string message)
    {
        using var folder = Workspace(Model.Replace(from, to, StringComparison.Ordinal));
        var content = ContentLoader.Load(folder.Root);
        Assert.Contains(content.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal) && d.Location.File.EndsWith("churn.model.json", StringComparison.Ordinal));
        Assert.DoesNotContain(content.Diagnostics, d => d.Message.Contains("no model", StringComparison.Ordinal));
    }

    private static TempContent Workspace(string? model)
    {
        var folder = new TempContent();
        folder.Write("journeys/risk.journey.yaml", Journey);
        folder.Write("templates/note.template.yaml", Template);
        if (model is not null)
        {
            folder.Write("models/churn.model.json", model);
        }

        return folder;
    }
}
