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
        await using (var connection = await OpenAsync())
        {
            await ExecuteAsync(connection, $"CREATE SCHEMA {_schema}; SET search_path TO {_schema}");
            await ApplyMigrationsThroughAsync(connection, 3);
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
            Assert.Equal("json", await ScalarAsync(connection, PayloadTypeSql));
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

        await using var migrated = await OpenAsync();
        await ExecuteAsync(migrated, $"SET search_path TO {_schema}");
        Assert.Equal("text", await ScalarAsync(migrated, PayloadTypeSql));
        Assert.Equal(4, Convert.ToInt32(await ScalarAsync(migrated, "SELECT max(version) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private string PayloadTypeSql =>
        $"SELECT data_type FROM information_schema.columns WHERE table_schema = '{_schema}' AND table_name = 'outbox' AND column_name = 'payload'";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The backend's own migration scripts 1..<paramref name="version"/>, recorded as the migrator records them.</summary>
    private static async Task ApplyMigrationsThroughAsync(NpgsqlConnection connection, int version)
    {
        var assembly = typeof(PostgresTrellisStore).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(r => r.Contains(".Migrations.", StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(version)
            .ToArray();
        Assert.Equal(version, scripts.Length);
        await ExecuteAsync(connection, "CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)");
        for (var i = 0; i < scripts.Length; i++)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(scripts[i])!);
            await ExecuteAsync(connection, await reader.ReadToEndAsync());
            await ExecuteAsync(connection, $"INSERT INTO schema_version VALUES ({i + 1}, 'v{i + 1}', now())");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
