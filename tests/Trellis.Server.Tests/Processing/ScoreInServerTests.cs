using System.Diagnostics;
using System.Net;

namespace Trellis.Server.Tests.Processing;

/// <summary>
/// <c>score("model")</c> in <c>trellis serve</c>: the content folder's models/ is loaded with its journeys, the
/// engine keeps the history of the events the model counts, and a branch routes people by the propensity. The
/// content is examples/scenarios/prediction (a hand-written model whose arithmetic its scenario spells out).
/// </summary>
public sealed class ScoreInServerTests : IAsyncLifetime
{
    private readonly TempFolder _content = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        var source = Path.Combine(RepoRoot.Path, "examples", "scenarios", "prediction");
        foreach (var sub in new[] { "journeys", "templates", "models" })
        {
            Directory.CreateDirectory(Path.Combine(_content.Path, sub));
            foreach (var file in Directory.GetFiles(Path.Combine(source, sub)))
            {
                File.Copy(file, Path.Combine(_content.Path, sub, Path.GetFileName(file)));
            }
        }

        _server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Trellis:Content:Path"] = _content.Path }, startEngine: true);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task A_branch_on_the_score_routes_idle_and_active_people()
    {
        // u-idle: no logins, 9 seats -> p = 0.982 (save-offer). u-active: 8 logins just now -> p = 0.0067 (tips).
        // u-some: 4 logins -> p = 0.269 (nudge). See the scenario next to the model for the arithmetic.
        var logins = (string user, int n) => Enumerable.Range(0, n).Select(_ => $$"""{"type":"track","userId":"{{user}}","event":"login"}""");
        var calls = new List<string>
        {
            """{"type":"identify","userId":"u-idle","traits":{"email":"idle@example.com","seats":9}}""",
            """{"type":"identify","userId":"u-active","traits":{"email":"active@example.com"}}""",
            """{"type":"identify","userId":"u-some","traits":{"email":"some@example.com"}}""",
        };
        calls.AddRange(logins("u-active", 8));
        calls.AddRange(logins("u-some", 4));
        calls.AddRange(new[] { "u-idle", "u-active", "u-some" }.Select(u => $$"""{"type":"track","userId":"{{u}}","event":"checked_in"}"""));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", $$"""{"batch":[{{string.Join(",", calls)}}]}"""));

        Assert.Equal("save-offer", await SentStepAsync("u-idle"));
        Assert.Equal("tips", await SentStepAsync("u-active"));
        Assert.Equal("nudge", await SentStepAsync("u-some"));
    }

    [Fact]
    public async Task An_upload_scoring_with_a_model_the_content_folder_lacks_is_refused_at_its_line()
    {
        var source = File.ReadAllText(Path.Combine(_content.Path, "journeys", "pred-retention.journey.yaml"))
            .Replace("journey: pred-retention", "journey: pred-other", StringComparison.Ordinal)
            .Replace("score(\"pred-churn\") > 0.1", "score(\"upsell\") > 0.1", StringComparison.Ordinal);
        var body = await ApiAssert.ErrorAsync(
            await _server.AdminAsync(HttpMethod.Put, "/api/journeys/pred-other", source, contentType: "application/yaml"), HttpStatusCode.UnprocessableEntity, "");
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray()).GetString();
        Assert.StartsWith("pred-other.journey.yaml:13: score(\"upsell\"): no model 'upsell'", error);
    }

    private async Task<string?> SentStepAsync(string user)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var trace = await _server.Store.Persons.ReadTraceAsync(RunningServer.Workspace, user, 0, 100);
            if (trace.FirstOrDefault(t => t.Entry.Type == "send") is { } send)
            {
                return send.Entry.StepId;
            }

            await Task.Delay(50);
        }

        return null;
    }
}
