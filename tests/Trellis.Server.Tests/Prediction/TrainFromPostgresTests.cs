using System.Text.Json;
using NodaTime;
using Trellis.Measurement.Prediction;
using Trellis.Server.Hosting;
using Trellis.Server.Prediction;
using Trellis.Storage;

namespace Trellis.Server.Tests.Prediction;

/// <summary>
/// What <c>trellis train</c> does, on PostgreSQL: the store is found through the configuration keys
/// <c>trellis serve</c> uses (<c>Trellis:Storage:Provider/ConnectionString/Schema</c>), the history is read
/// through the storage contract, and a model trained on it ranks held-out people well.
/// </summary>
public sealed class TrainFromPostgresTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestDatabase.NewSchema();
    private readonly TempFolder _folder = new();
    private RunningServer _server = null!;

    private Dictionary<string, string?> Settings => new()
    {
        ["Trellis:Storage:Provider"] = "postgres",
        ["Trellis:Storage:ConnectionString"] = PostgresTestDatabase.ConnectionString,
        ["Trellis:Storage:Schema"] = _schema,
    };

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(Settings, _folder);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await PostgresTestDatabase.DropSchemaAsync(_schema);
        _folder.Dispose();
    }

    [Fact]
    public async Task A_model_trains_from_the_configured_postgres_store()
    {
        await _server.Store.Events.AppendAsync(RunningServer.Workspace, History(people: 400, days: 100, seed: 9));

        var config = ConfiguredStore.Read(_folder.Path, Settings);
        Assert.Equal("postgres", config.Settings.Storage.Provider);
        await using var store = await config.OpenAsync();
        var histories = await StoreHistoryReader.ReadAsync(store, config.DefaultWorkspace);
        Assert.Equal(400, histories.Count);
        Assert.All(histories, h => Assert.Equal(h.Entries.OrderBy(e => e.At).Select(e => e.At), h.Entries.Select(e => e.At)));

        var trained = ModelTrainer.Train(histories, new TrainingOptions { Event = "churned", Model = "churn", TrainedAt = Instant.FromUtc(2026, 6, 1, 0, 0) });
        Assert.True(trained.File.Holdout.Auc > 0.7, $"held-out AUC {trained.File.Holdout.Auc}");
        Assert.True(trained.File.Once);
        Assert.Contains(trained.File.Model.Features, f => f.Name == "count(\"login\", 30d)" && f.Weight < 0);
        Assert.Contains(trained.File.Model.Features, f => f.Name == "profile.seats");
    }

    /// <summary>Logins, and churn that is likely without a recent login (a seeded synthetic product).</summary>
    private static List<IncomingEvent> History(int people, int days, int seed)
    {
        var random = new Random(seed);
        var start = Instant.FromUtc(2026, 1, 5, 0, 0);
        var events = new List<IncomingEvent>();
        IncomingEvent Event(string person, Instant at, string? name, object? traits) => new()
        {
            MessageId = $"pg-train-{events.Count}",
            Kind = name is null ? EventKind.Identify : EventKind.Track,
            UserId = person,
            EventName = name,
            Timestamp = at,
            ReceivedAt = at,
            PayloadJson = name is null
                ? JsonSerializer.Serialize(new { type = "identify", userId = person, traits })
                : JsonSerializer.Serialize(new { type = "track", userId = person, @event = name }),
        };

        for (var p = 0; p < people; p++)
        {
            var id = $"p{p:D4}";
            var engaged = random.NextDouble() < 0.6;
            var joined = random.Next(0, 10);
            events.Add(Event(id, start + Duration.FromDays(joined), null, new { seats = random.Next(1, 11) }));
            var last = -100;
            for (var day = joined; day < days; day++)
            {
                if (random.NextDouble() < (engaged ? 0.5 : 0.08))
                {
                    last = day;
                    events.Add(Event(id, start + Duration.FromDays(day) + Duration.FromHours(random.Next(1, 20)), "login", null));
                }

                if (random.NextDouble() < (day - last > 10 ? 0.05 : 0.002))
                {
                    events.Add(Event(id, start + Duration.FromDays(day) + Duration.FromHours(23), "churned", null));
                    break;
                }
            }
        }

        return events;
    }
}
