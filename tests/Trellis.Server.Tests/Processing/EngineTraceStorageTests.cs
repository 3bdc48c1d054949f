using Microsoft.Data.Sqlite;
using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Runtime.Tracing;
using Trellis.Storage;

namespace Trellis.Server.Tests.Processing;

/// <summary>
/// The store keeps the engine's trace lines without the fields their row already holds (at, type, journey, step);
/// what the profile API and the dashboard read back must be the engine's text, byte for byte, for every kind of line.
/// </summary>
public sealed class EngineTraceStorageTests : IAsyncLifetime
{
    // A tick-precise instant: the engine's clock has 100 ns ticks, the store keeps microseconds.
    private static readonly Instant At = Instant.FromUnixTimeTicks(17_966_912_534_210_059);
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_kind_of_engine_line_reads_back_exactly_and_is_stored_compact()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", """{"userId":"c1","event":"Signed Up"}"""));
        Effect Line(EffectType type) => new() { At = At, Type = type, User = "c1", Journey = "trial", Instance = 1 };
        var effects = new[]
        {
            Line(EffectType.Enter) with { Holdout = true },
            Line(EffectType.Step) with { Step = "welcome", Variant = "b" },
            Line(EffectType.Send) with { Step = "welcome", Channel = Channel.Email, Template = "welcome" },
            Line(EffectType.Skip) with { Step = "nudge", Reason = "frequency cap" },
            Line(EffectType.Defer) with { Step = "nudge", Reason = "quiet hours", Until = At + Duration.FromHours(8) },
            Line(EffectType.Goal) with { Value = Value.Map(new Dictionary<string, Value> { ["amount"] = Value.Number(12.5), ["sku"] = Value.String("é<&>") }) },
            Line(EffectType.Step) with { Step = "ship", Key = "order-7" },
            Line(EffectType.Exit) with { Outcome = Outcome.Converted, Reason = "goal" },
        };
        var written = effects.Select(e => new TraceEntry(e.At, TraceNames.Type(e.Type), e.Journey, e.Step, TraceLine.ToJson(e))).ToArray();

        await EngineWrites.WriteAsync(_server.Store, "c1", null, written);
        var read = await _server.Store.Persons.ReadTraceAsync(RunningServer.Workspace, "c1", 0, 100);

        Assert.Equal(written.Select(w => w.DetailsJson), read.Select(r => r.Entry.DetailsJson));
        Assert.Equal(written.Select(w => (w.Type, w.JourneyId, w.StepId)), read.Select(r => (r.Entry.Type, r.Entry.JourneyId, r.Entry.StepId)));
        Assert.All(read, r => Assert.Equal(Instant.FromUnixTimeTicks(17_966_912_534_210_050), r.Entry.At));
        var stored = StoredRow("c1");
        Assert.DoesNotContain("\"type\":", stored, StringComparison.Ordinal);
        Assert.True(stored.Length < written.Sum(w => w.DetailsJson.Length), stored);
    }

    private string StoredRow(string personId)
    {
        using var connection = new SqliteConnection($"Data Source={_server.DatabasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT lines FROM trace WHERE person_id = $person";
        command.Parameters.AddWithValue("$person", personId);
        return (string)command.ExecuteScalar()!;
    }
}
