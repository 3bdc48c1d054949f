using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Trellis.Dashboard.Tests.Bench;

/// <summary>
/// Fills a Trellis SQLite file (schema already created by a first server start) with many people, straight
/// through SQL: the storage API would take an hour for a million. Every <c>tracedEvery</c>-th person has also
/// been through the start of the welcome series (enter, steps, a send), so the counters and pages have real
/// history to show. Rows are idle (nothing for the engine to do), as in a store that has run for a while.
/// </summary>
internal static class MillionPeopleSeeder
{
    public static string PersonId(int i) => "p" + i.ToString("0000000", CultureInfo.InvariantCulture);

    public static void Seed(string databasePath, int people, int tracedEvery)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        using var transaction = connection.BeginTransaction();
        using var person = Command(connection, transaction,
            "INSERT INTO persons (workspace_id, person_id, traits, created_at, updated_at) VALUES ('default', $id, $traits, $at, $at)");
        using var trace = Command(connection, transaction,
            "INSERT INTO trace (workspace_id, person_id, lines) VALUES ('default', $id, $lines)");
        using var ev = Command(connection, transaction,
            "INSERT INTO events (workspace_id, person_id, message_id, kind, event_name, payload, occurred_at, received_at) VALUES ('default', $id, $mid, 'track', 'signed_up', $payload, $at, $at)");
        for (var i = 1; i <= people; i++)
        {
            var id = PersonId(i);
            var at = now - (people - i) * 1000L;
            Run(person, ("$id", id), ("$at", at),
                ("$traits", $"{{\"email\":\"{id}@example.com\",\"first_name\":\"Person {i}\",\"plan\":\"{(i % 2 == 0 ? "team" : "pro")}\",\"timezone\":\"UTC\"}}"));
            if (i % tracedEvery != 0)
            {
                continue;
            }

            Run(ev, ("$id", id), ("$mid", "seed-" + id), ("$at", at), ("$payload", $"{{\"type\":\"track\",\"event\":\"signed_up\",\"userId\":\"{id}\",\"properties\":{{\"source\":\"seed\"}}}}"));
            var lines = new (string Type, string? Step, string Details)[]
            {
                ("enter", null, ""), ("step", "welcome", ""), ("send", "welcome", ",\"channel\":\"email\",\"template\":\"welcome-email\""),
                ("step", "stage-onboarding", ""), ("step", "first-project", ""),
            };
            // One trace row per commit, as the engine writes it: [[at, type, journey, step, details], …].
            var row = string.Join(',', lines.Select(line =>
            {
                var stepValue = line.Step is null ? "null" : $"\"{line.Step}\"";
                var stepJson = line.Step is null ? "" : $",\"step\":\"{line.Step}\"";
                var details = $"{{\"at\":\"{DateTimeOffset.FromUnixTimeMilliseconds(at / 1000):O}\",\"type\":\"{line.Type}\",\"user\":\"{id}\",\"journey\":\"welcome-series\"{stepJson}{line.Details}}}";
                return $"[{at},\"{line.Type}\",\"welcome-series\",{stepValue},{details}]";
            }));
            Run(trace, ("$id", id), ("$lines", "[" + row + "]"));
        }

        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
