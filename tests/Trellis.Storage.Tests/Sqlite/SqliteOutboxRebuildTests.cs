using Microsoft.Data.Sqlite;
using NodaTime;
using Trellis.Storage;
using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// Migration 0004 rebuilds the SQLite outbox to drop its json_valid check. A rebuild copies rows into a new table,
/// so this opens a database left at version 3 with rows in it and checks that nothing else changed: rows, ids,
/// the AUTOINCREMENT high-water mark (an erased id is not given out again), the indexes and the send key.
/// </summary>
public sealed class SqliteOutboxRebuildTests : IDisposable
{
    private const string Payload = """{"Journey":"news", "Parts":{"html":"<p>Hi &amp; bye</p>"}}""";
    private static readonly WorkspaceId Ws = new("ws-rebuild");

    private readonly string _path = TempSqliteFile.NewPath();

    [Fact]
    public async Task Opening_a_version_3_database_keeps_every_outbox_row_and_id_and_drops_only_the_json_check()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        List<(string Name, string Sql)> indexesBefore;
        using (var connection = Open())
        {
            SqliteTestDatabase.ApplyMigrationsThrough(connection, 3);
            InsertOutboxRow(connection, 1, "u1", "pending", providerId: null);
            InsertOutboxRow(connection, 2, "u2", "sent", providerId: "<sent@acme.example>");
            InsertOutboxRow(connection, 3, "u3", "pending", providerId: null);
            SqliteTestDatabase.Execute(connection, "DELETE FROM outbox WHERE id = 3"); // erased: its id must never come back
            indexesBefore = OutboxIndexes(connection);
            Assert.Throws<SqliteException>(() => InsertOutboxRow(connection, 9, "u9", "pending", null, payload: "not json"));
        }

        await using (var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path }))
        {
            var pending = await store.Outbox.GetAsync(Ws, 1);
            Assert.NotNull(pending);
            Assert.Equal((new SendKey("u1", "news#1", "news-email", 7), "email", Payload, OutboxStatus.Pending),
                (pending.Key, pending.Channel, pending.PayloadJson, pending.Status));
            Assert.Equal(T0, pending.AvailableAt);
            var sent = await store.Outbox.FindByProviderMessageIdAsync("<sent@acme.example>");
            Assert.Equal((2L, OutboxStatus.Sent), (sent!.Id, sent.Status));
            Assert.Null(await store.Outbox.GetAsync(Ws, 3));

            // A new entry gets an id after the erased one, and the send key is still unique.
            Assert.True(await store.Outbox.EnqueueAsync(Ws, TestChanges.Send("u4"), T0));
            Assert.Equal(4, Assert.Single(await store.Outbox.ListForPersonAsync(Ws, "u4")).Id);
            Assert.False(await store.Outbox.EnqueueAsync(Ws, new OutboxMessage(pending.Key, "email", "{}", T0), T0));
            Assert.Single(await store.Outbox.ListForPersonAsync(Ws, "u1"));
            var claimed = await store.Outbox.ClaimAsync(T0, 10, Duration.FromMinutes(1));
            Assert.Equal([1L, 4L], claimed.Select(e => e.Id).Order());
        }

        using var migrated = Open();
        Assert.Equal(1L, SqliteTestDatabase.Scalar(migrated, "SELECT count(*) FROM schema_version WHERE version = 4"));
        var table = (string)SqliteTestDatabase.Scalar(migrated, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")!;
        Assert.DoesNotContain("json_valid", table, StringComparison.Ordinal);
        Assert.Contains("AUTOINCREMENT", table, StringComparison.Ordinal);
        Assert.Contains("CHECK (status IN ('pending', 'claimed', 'sent', 'failed'))", table, StringComparison.Ordinal);
        Assert.Equal(indexesBefore, OutboxIndexes(migrated));
        Assert.Null(SqliteTestDatabase.Scalar(migrated, "SELECT name FROM sqlite_master WHERE name = 'outbox_rebuilt'"));
        Assert.Equal(1L, SqliteTestDatabase.Scalar(migrated, "SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'"));
        Assert.Equal("ok", SqliteTestDatabase.Scalar(migrated, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task A_fresh_database_has_the_rebuilt_outbox()
    {
        await using (await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path }))
        {
        }

        using var connection = Open();
        var table = (string)SqliteTestDatabase.Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")!;
        Assert.DoesNotContain("json_valid", table, StringComparison.Ordinal);
        Assert.Equal(["outbox_claimable", "outbox_provider_message", "outbox_send_key"], OutboxIndexes(connection).Select(i => i.Name));
    }

    public void Dispose() => TempSqliteFile.Delete(_path);

    private SqliteConnection Open() => SqliteTestDatabase.Open(_path);

    private static void InsertOutboxRow(SqliteConnection connection, long id, string person, string status, string? providerId, string payload = Payload)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox (id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload,
                                status, attempts, available_at, created_at, provider_message_id)
            VALUES ($id, $ws, $person, 'news#1', 'news-email', 7, 'email', $payload, $status, 0, $at, $at, $provider)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$ws", Ws.Value);
        command.Parameters.AddWithValue("$person", person);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$at", T0.ToUnixTimeTicks() / 10);
        command.Parameters.AddWithValue("$provider", (object?)providerId ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static List<(string Name, string Sql)> OutboxIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }
}
