using System.Text.Json;
using NodaTime;
using Trellis.Cli;
using Trellis.Core.Values;
using Trellis.Measurement.Tests.Support;
using Trellis.Storage;
using Trellis.Storage.Sqlite;

namespace Trellis.Measurement.Tests.Prediction;

/// <summary>
/// <c>trellis train</c> end to end: a real SQLite store (the file <c>trellis serve</c> writes) seeded with a
/// product where churn follows from few logins; the trained model lands in the content folder's models/, and a
/// scenario run with <c>trellis run</c> routes people by <c>score("churn")</c> in a branch.
/// </summary>
public class TrainCommandTests
{
    private const string Journey = """
        journey: retention
        priority: 50
        topic: news
        entry: {event: checked_in}
        steps:
          - id: by-risk
            branch:
              - when: 'score("churn") > 0.5'
                goto: save-offer
              - goto: tips
          - id: save-offer
            send: {channel: email, template: note}
            next: done
          - id: tips
            send: {channel: email, template: note}
          - id: done
            exit: routed
        """;

    private const string Template = """
        template: note
        email: {subject: 'Hi', html: '<p>Hi</p>', text: 'Hi'}
        """;

    [Fact]
    public async Task Trains_from_the_store_into_the_content_folder_and_a_scenario_branches_on_the_score()
    {
        using var content = new TempContent();
        var store = Path.Combine(content.Root, "data", "trellis.db");
        await SeedAsync(store, ChurnWorld.Calls(people: 1200, days: 120, seed: 3));
        content.Write("journeys/retention.journey.yaml", Journey);
        content.Write("templates/note.template.yaml", Template);

        Assert.Equal(0, CliApp.Run(["train", "--event", "churned", "--model", "churn", "--horizon", "30d", "--store", store, "--content", content.Root]));
        var modelPath = Path.Combine(content.Root, "models", "churn.model.json");
        using (var model = JsonDocument.Parse(File.ReadAllText(modelPath)))
        {
            var root = model.RootElement;
            Assert.Equal("churn", root.GetProperty("model").GetString());
            Assert.Equal("churned", root.GetProperty("predicts").GetProperty("event").GetString());
            Assert.True(root.GetProperty("holdout").GetProperty("auc").GetDouble() > 0.75, root.GetProperty("holdout").ToString());
            Assert.True(root.GetProperty("holdout").GetProperty("examples").GetInt32() > 500);
        }

        // Same store, same model: only the training time may differ.
        var again = Path.Combine(content.Root, "again.model.json");
        Assert.Equal(0, CliApp.Run(["train", "--event", "churned", "--model", "churn", "--store", store, "--out", again]));
        Assert.Equal(WithoutTrainedAt(File.ReadAllText(modelPath)), WithoutTrainedAt(File.ReadAllText(again)));
        File.Delete(again);

        // u-idle never logs in; u-busy logs in every day: the model must put them on either side of 0.5.
        var logins = string.Join("\n", Enumerable.Range(1, 29).Select(d => $"  - {{at: {d}d, user: u-busy, event: login}}"));
        var scenario = content.Write("scenarios/retention.scenario.yaml", $"""
            scenario: the trained churn model routes an idle and a busy person
            journeys: [../journeys]
            templates: ../templates
            start: 2026-03-02T09:00:00Z
            profiles:
              - {"{"}id: u-idle, traits: {"{"}email: idle@example.com{"}"}{"}"}
              - {"{"}id: u-busy, traits: {"{"}email: busy@example.com{"}"}{"}"}
            events:
            {logins}
              - {"{"}at: 30d, user: u-idle, event: checked_in{"}"}
              - {"{"}at: 30d1m, user: u-busy, event: checked_in{"}"}
            run_for: 31d
            expect:
              sends:
                - {"{"}at: 30d, user: u-idle, journey: retention, step: save-offer, channel: email{"}"}
                - {"{"}at: 30d1m, user: u-busy, journey: retention, step: tips, channel: email{"}"}
            """);
        Assert.Equal(0, CliApp.Run(["validate", content.Root]));
        using var trace = new TempFile("trace.jsonl");
        Assert.Equal(0, CliApp.Run(["run", scenario, "--trace", trace.Path]));
        Assert.Contains("\"step\":\"save-offer\"", File.ReadAllText(trace.Path));
    }

    [Fact]
    public async Task Bad_inputs_fail_with_a_clear_exit_code()
    {
        using var content = new TempContent();
        var store = Path.Combine(content.Root, "trellis.db");

        // No store file at all: nothing is created.
        Assert.Equal(1, CliApp.Run(["train", "--event", "churned", "--store", store, "--content", content.Root]));
        Assert.False(File.Exists(store));

        // A store with the workspace but no events.
        await SeedAsync(store, []);
        Assert.Equal(1, CliApp.Run(["train", "--event", "churned", "--store", store, "--content", content.Root]));

        // Events, but not the one asked for.
        await SeedAsync(store, ChurnWorld.Calls(people: 50, days: 90, seed: 1).Where(c => c.Event != "churned"));
        Assert.Equal(1, CliApp.Run(["train", "--event", "churned", "--store", store, "--content", content.Root]));
        Assert.Equal(1, CliApp.Run(["train", "--event", "login", "--store", store, "--content", content.Root, "--workspace", "nope"]));
        Assert.False(Directory.Exists(Path.Combine(content.Root, "models")));

        // Usage mistakes.
        Assert.Equal(2, CliApp.Run(["train", "--store", store]));
        Assert.Equal(2, CliApp.Run(["train", "--event", "churned", "--model", "Churn Model", "--store", store]));
        Assert.Equal(2, CliApp.Run(["train", "--event", "churned", "--horizon", "soon", "--store", store]));
        Assert.Equal(2, CliApp.Run(["train", "--event", "churned", "--horizon", "-3d", "--store", store]));
        Assert.Equal(2, CliApp.Run(["train", "--event", "churned", "--l2", "-1", "--store", store]));
    }

    private static string WithoutTrainedAt(string json) =>
        string.Join("\n", json.Split('\n').Where(l => !l.Contains("\"trained_at\"", StringComparison.Ordinal)));

    /// <summary>Writes the calls into a SQLite store as ingestion would (workspace "default", Segment payloads).</summary>
    private static async Task SeedAsync(string path, IEnumerable<ChurnWorld.Call> calls)
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = path });
        var workspace = new WorkspaceId("default");
        if (await store.Workspaces.GetAsync(workspace) is null)
        {
            var now = Instant.FromUtc(2026, 5, 1, 0, 0);
            await store.Workspaces.CreateAsync(new WorkspaceRecord(workspace, "Default", Sha256Hex.Of("w"), Sha256Hex.Of("s"), now, now));
        }

        var batch = new List<IncomingEvent>();
        var n = 0;
        foreach (var call in calls)
        {
            var id = $"m{n++}-{call.Person}-{call.At.ToUnixTimeTicks()}";
            batch.Add(call.Event is null
                ? new IncomingEvent
                {
                    MessageId = id, Kind = EventKind.Identify, UserId = call.Person, Timestamp = call.At, ReceivedAt = call.At,
                    PayloadJson = JsonSerializer.Serialize(new { type = "identify", userId = call.Person, traits = call.Traits!.ToDictionary(t => t.Key, t => Plain(t.Value)) }),
                }
                : new IncomingEvent
                {
                    MessageId = id, Kind = EventKind.Track, UserId = call.Person, EventName = call.Event, Timestamp = call.At, ReceivedAt = call.At,
                    PayloadJson = JsonSerializer.Serialize(new { type = "track", userId = call.Person, @event = call.Event, properties = new { } }),
                });
            if (batch.Count == 500)
            {
                await store.Events.AppendAsync(workspace, batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await store.Events.AppendAsync(workspace, batch);
        }
    }

    private static object? Plain(Value v) => v.Kind switch
    {
        ValueKind.Number => v.AsNumber,
        ValueKind.Bool => v.AsBool,
        _ => v.AsString,
    };
}
