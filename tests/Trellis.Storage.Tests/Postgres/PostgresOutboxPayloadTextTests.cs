using Npgsql;
using NodaTime;
using Trellis.Storage;
using Trellis.Storage.Postgres;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// Migration 0004 turns the PostgreSQL outbox payload from json into text. A schema left at version 3 with a row
/// in it must keep that payload exactly (json keeps its input text, spacing and key order included), and the
/// outbox must still work on the migrated column.
/// </summary>
public sealed class PostgresOutboxPayloadTextTests : IAsyncLifetime
{
    private const string Payload = """{"Journey":"news",  "Parts":{"html":"<p>Hi &amp; bye</p>"}, "Error":null}""";
    private static readonly WorkspaceId Ws = new("ws-text");

    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Opening_a_version_3_schema_keeps_the_payload_text_and_stores_payloads_as_text()
    {
        await using (var connection = await PostgresTestDatabase.OpenAsync())
        {
            await PostgresTestDatabase.ExecuteAsync(connection, $"CREATE SCHEMA {_schema}; SET search_path TO {_schema}");
            await PostgresTestDatabase.ApplyMigrationsThroughAsync(connection, 3);
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO outbox (workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload,
                                    status, attempts, available_at, created_at)
                VALUES (@ws, 'u1', 'news#1', 'news-email', 7, 'email', @payload::json, 'pending', 0, @at, @at)
                """, connection);
            insert.Parameters.AddWithValue("ws", Ws.Value);
            insert.Parameters.AddWithValue("payload", Payload);
            insert.Parameters.AddWithValue("at", T0.ToDateTimeUtc());
            await insert.ExecuteNonQueryAsync();
            Assert.Equal("json", await PostgresTestDatabase.ScalarAsync(connection, PayloadTypeSql));
        }

        await using (var store = await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = _schema }))
        {
            var kept = Assert.Single(await store.Outbox.ListForPersonAsync(Ws, "u1"));
            Assert.Equal(Payload, kept.PayloadJson);
            Assert.False(await store.Outbox.EnqueueAsync(Ws, new OutboxMessage(kept.Key, "email", "{}", T0), T0));
            Assert.True(await store.Outbox.EnqueueAsync(Ws, TestChanges.Send("u2"), T0));
            var claimed = await store.Outbox.ClaimAsync(T0, 10, Duration.FromMinutes(1));
            Assert.Equal([Payload, """{"template":"welcome"}"""], claimed.OrderBy(e => e.Id).Select(e => e.PayloadJson));
        }

        await using var migrated = await PostgresTestDatabase.OpenAsync();
        await PostgresTestDatabase.ExecuteAsync(migrated, $"SET search_path TO {_schema}");
        Assert.Equal("text", await PostgresTestDatabase.ScalarAsync(migrated, PayloadTypeSql));
        Assert.Equal(1, Convert.ToInt32(await PostgresTestDatabase.ScalarAsync(migrated, "SELECT count(*) FROM schema_version WHERE version = 4"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private string PayloadTypeSql =>
        $"SELECT data_type FROM information_schema.columns WHERE table_schema = '{_schema}' AND table_name = 'outbox' AND column_name = 'payload'";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var connection = await PostgresTestDatabase.OpenAsync();
        await PostgresTestDatabase.ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }
}
