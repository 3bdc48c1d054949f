using Trellis.Storage.Postgres;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// Migration 0005 turns PostgreSQL's one-row-per-line trace into rows of lines (one per person per commit). A schema
/// left at version 4 with lines in it must read back the same lines in the same order, and new rows must get
/// sequences after the migrated ones (the identity continues from the highest kept seq).
/// </summary>
public sealed class PostgresTraceRowsMigrationTests : IAsyncLifetime
{
    private static readonly WorkspaceId Ws = new("ws-trace");
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Lines_written_by_version_4_read_back_unchanged_and_in_order_before_new_ones()
    {
        await using (var connection = await PostgresTestDatabase.OpenAsync())
        {
            await PostgresTestDatabase.ExecuteAsync(connection, $"CREATE SCHEMA {_schema}; SET search_path TO {_schema}");
            await PostgresTestDatabase.ApplyMigrationsThroughAsync(connection, 4);
            await InsertOldLineAsync(connection, "u1", T0, "enter", step: null, """{"type":"enter","holdout":true}""");
            await InsertOldLineAsync(connection, "u2", T0, "enter", step: null, """{"type":"enter"}""");
            await InsertOldLineAsync(connection, "u1", T0.PlusMinutes(1), "send", step: "welcome", """{"type":"send","channel":"email","note":"café ☕"}""");
        }

        await using var store = await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = _schema });
        var migrated = await MigratedTraceChecks.OldLinesReadBackAsync(store, Ws);
        Assert.Single(await store.Persons.ReadTraceAsync(Ws, "u2", 0, 100));
        await MigratedTraceChecks.NewLinesComeAfterAsync(store, Ws, migrated);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var connection = await PostgresTestDatabase.OpenAsync();
        await PostgresTestDatabase.ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }

    private static Task InsertOldLineAsync(Npgsql.NpgsqlConnection connection, string person, NodaTime.Instant at, string type, string? step, string details) =>
        PostgresTestDatabase.ExecuteAsync(connection, """
            INSERT INTO trace (workspace_id, person_id, at, type, journey_id, step_id, details)
            VALUES (@ws, @person, @at, @type, 'onboarding', @step, @details::json)
            """, ("ws", Ws.Value), ("person", person), ("at", at.ToDateTimeUtc()), ("type", type), ("step", step), ("details", details));
}
